package io.newsbrief.summary.summarizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of LEAD-3 and of the built-in summarizer's top three
 * sentences on a JSONL file of {id, title, text, reference}, with the summarizer's speed; with
 * {@code --write FILE}, also writes the summarizer's sentences per article ({id, summary}, one
 * sentence per line) for outside scoring. Run from summary-service (see its README):
 *
 * <pre>
 * ../mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.newsbrief.summary.summarizer.RougeEvaluation \
 *   -Dexec.args="../../shared/eval/cnndm-dev.jsonl [--write summaries.jsonl]"
 * </pre>
 */
public final class RougeEvaluation {

  /** Mean F1 × 100 of one method over a file. */
  record Figures(double rouge1, double rouge2, double rougeLsum) {}

  private RougeEvaluation() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: RougeEvaluation FILE.jsonl [--write OUT.jsonl]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    if (!Files.isReadable(file)) {
      System.out.println("skipped: " + file + " is not there (the shared eval data is absent)");
      return;
    }
    List<EvaluationData> articles = EvaluationData.read(file);
    ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    summarizer.topSentences(articles.get(0).title(), articles.get(0).text(), 3); // warm-up

    List<String> lead3 = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    long nanos = 0;
    for (EvaluationData article : articles) {
      lead3.add(lead3(article));
      long started = System.nanoTime();
      List<String> top = summarizer.topSentences(article.title(), article.text(), 3);
      nanos += System.nanoTime() - started;
      ours.add(String.join("\n", top));
    }
    List<String> references = articles.stream().map(EvaluationData::reference).toList();
    Figures lead = score(lead3, references);
    Figures built = score(ours, references);
    System.out.printf(Locale.ROOT, "%s: %d articles%n", file.getFileName(), articles.size());
    System.out.printf(
        Locale.ROOT, "%-22s %8s %8s %8s%n", "method", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum");
    print("LEAD-3", lead);
    print(ExtractiveSummarizer.METHOD + " top-3", built);
    System.out.printf(
        Locale.ROOT,
        "%-22s %+8.2f %+8.2f %+8.2f%n",
        "difference",
        built.rouge1() - lead.rouge1(),
        built.rouge2() - lead.rouge2(),
        built.rougeLsum() - lead.rougeLsum());
    System.out.printf(
        Locale.ROOT,
        "speed: %.0f articles/s (top-3 selection, one thread)%n",
        articles.size() / (nanos / 1e9));

    int write = List.of(args).indexOf("--write");
    if (write >= 0 && write + 1 < args.length) {
      ObjectMapper json = new ObjectMapper();
      try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[write + 1]))) {
        for (int i = 0; i < articles.size(); i++) {
          Map<String, String> row = new LinkedHashMap<>();
          row.put("id", articles.get(i).id());
          row.put("summary", ours.get(i));
          out.write(json.writeValueAsString(row));
          out.newLine();
        }
      }
      System.out.println("wrote " + args[write + 1]);
    }
  }

  /** The article's first three sentences, one per line. */
  static String lead3(EvaluationData article) {
    List<String> sentences =
        Sentence.ofArticle(article.text()).stream().map(Sentence::text).toList();
    return String.join("\n", sentences.subList(0, Math.min(3, sentences.size())));
  }

  static Figures score(List<String> candidates, List<String> references) {
    double r1 = 0;
    double r2 = 0;
    double rl = 0;
    for (int i = 0; i < candidates.size(); i++) {
      r1 += Rouge.rougeN(candidates.get(i), references.get(i), 1).f1();
      r2 += Rouge.rougeN(candidates.get(i), references.get(i), 2).f1();
      rl += Rouge.rougeLsum(candidates.get(i), references.get(i)).f1();
    }
    int n = candidates.size();
    return new Figures(100 * r1 / n, 100 * r2 / n, 100 * rl / n);
  }

  private static void print(String method, Figures figures) {
    System.out.printf(
        Locale.ROOT,
        "%-22s %8.2f %8.2f %8.2f%n",
        method,
        figures.rouge1(),
        figures.rouge2(),
        figures.rougeLsum());
  }
}
