package io.newsbrief.summary.summarizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbrief.testing.EvaluationFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The story-brief evaluation, a command rather than a test (its name keeps it out of the normal
 * run): reads a JSONL of {@code {id, dataset, articles: [{title, text}], reference}}, makes each
 * event's brief with the built-in multi-document summarizer, and prints ROUGE-1/2/Lsum per dataset
 * beside three baselines: the first 3 sentences of every article, the first sentence of each of the
 * first 3, and a clean lead round-robin. Run from the project root:
 *
 * <pre>
 * ./mvnw -q test -Pstory-brief-eval [-Dstory.brief.eval.file=FILE] [-Dstory.brief.eval.write=OUT.jsonl]
 *     [-Dstory.brief.eval.settings=POSITION,TITLE,NEAR_COPY,LENGTH_SHARE,MIN_WORDS,MAX_WORDS]
 * </pre>
 */
class StoryBriefEvaluation {

  /** One event: its dataset, its articles, the reference summary. */
  record Event(String id, String dataset, List<ArticleContent> articles, String reference) {}

  @Test
  void evaluate() throws IOException {
    Path file = EvaluationFiles.input("story.brief.eval.file", "../../shared/eval/mds-dev.jsonl");
    List<Event> events = read(file);
    MultiDocumentSummarizer summarizer = new MultiDocumentSummarizer(settings());
    Map<String, String> briefs = new LinkedHashMap<>();
    long started = System.nanoTime();
    for (Event event : events) {
      briefs.put(event.id(), lines(summarizer.summarize(event.articles())));
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    Map<String, Function<Event, String>> methods = new LinkedHashMap<>();
    methods.put("first 3 sentences of every article", e -> firstOfEach(e, 3, e.articles().size()));
    methods.put("first sentence of each of the first 3", e -> firstOfEach(e, 1, 3));
    methods.put("clean lead round-robin, 250 words", e -> cleanRoundRobin(e, 250));
    methods.put("clean lead round-robin, length from input", e -> cleanRoundRobin(e, length(e)));
    methods.put("**" + MultiDocumentSummarizer.METHOD + "**", e -> briefs.get(e.id()));

    Map<String, List<Event>> byDataset =
        events.stream()
            .collect(
                Collectors.groupingBy(Event::dataset, LinkedHashMap::new, Collectors.toList()));
    System.out.printf(
        "%nStory briefs on %s (ROUGE F1 × 100: R1 / R2 / RLsum)%n%n", file.getFileName());
    System.out.println("| dataset | events | method | R1 | R2 | RLsum |");
    System.out.println("|---|---|---|---|---|---|");
    byDataset.forEach(
        (dataset, members) -> {
          // ROUGE-Lsum compares sentence lines: the references are split into sentences too.
          List<String> references =
              members.stream()
                  .map(e -> String.join("\n", SentenceSplitter.split(e.reference())))
                  .toList();
          methods.forEach(
              (name, method) -> {
                RougeEvaluation.Figures figures =
                    RougeEvaluation.score(members.stream().map(method).toList(), references);
                System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %s | %.2f | %.2f | %.2f |%n",
                    dataset,
                    members.size(),
                    name,
                    figures.rouge1(),
                    figures.rouge2(),
                    figures.rougeLsum());
              });
        });
    System.out.printf(
        Locale.ROOT,
        "%n%s: %.0f story briefs/s (one thread, %s)%n",
        MultiDocumentSummarizer.METHOD,
        events.size() / seconds,
        settings());
    EvaluationFiles.writeIfAsked("story.brief.eval.write", "summary", briefs);
  }

  /** The brief's lead and section sentences, one per line. */
  static String lines(StorySummary summary) {
    return summary.sentences().map(CitedSentence::text).collect(Collectors.joining("\n"));
  }

  /**
   * The defaults, or {@code -Dstory.brief.eval.settings=POSITION,TITLE,NEAR_COPY,SHARE,MIN,MAX}.
   */
  private static MultiDocumentSummarizer.Settings settings() {
    String given = System.getProperty("story.brief.eval.settings", "");
    if (given.isBlank()) {
      return MultiDocumentSummarizer.DEFAULTS;
    }
    double[] v = Arrays.stream(given.split(",")).mapToDouble(Double::parseDouble).toArray();
    MultiDocumentSummarizer.Settings d = MultiDocumentSummarizer.DEFAULTS;
    return new MultiDocumentSummarizer.Settings(
        v[0],
        v[1],
        v[2],
        v[3],
        (int) v[4],
        (int) v[5],
        d.leadSentences(),
        d.maxSections(),
        d.sentencesPerSource());
  }

  /** The first {@code sentences} sentences of each of the first {@code articles} articles. */
  static String firstOfEach(Event event, int sentences, int articles) {
    List<String> lines = new ArrayList<>();
    for (ArticleContent article :
        event.articles().subList(0, Math.min(articles, event.articles().size()))) {
      List<String> split = sentences(article.text());
      lines.addAll(split.subList(0, Math.min(sentences, split.size())));
    }
    return String.join("\n", lines);
  }

  /**
   * Scraper junk dropped (as the summarizer drops it: URLs, crawl notes and captions, widget text,
   * headline-like lines, sentences under 5 words) and exact duplicates, then the first sentence of
   * each article, the second of each, … up to {@code words} words.
   */
  static String cleanRoundRobin(Event event, int words) {
    List<List<String>> clean = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ArticleContent article : event.articles()) {
      List<String> kept = new ArrayList<>();
      for (Sentence sentence : Sentence.ofArticle(article.text())) {
        String key = sentence.text().toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip();
        if (!MultiDocumentSummarizer.isJunk(sentence) && seen.add(key)) {
          kept.add(sentence.text());
        }
      }
      clean.add(kept);
    }
    List<String> lines = new ArrayList<>();
    int count = 0;
    for (int rank = 0; count < words; rank++) {
      boolean any = false;
      for (List<String> article : clean) {
        if (rank < article.size() && count < words) {
          lines.add(article.get(rank));
          count += article.get(rank).split("\\s+").length;
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return String.join("\n", lines);
  }

  /** The summarizer's length rule applied to the round-robin: a share of the input's words. */
  static int length(Event event) {
    MultiDocumentSummarizer.Settings d = MultiDocumentSummarizer.DEFAULTS;
    int words = event.articles().stream().mapToInt(a -> a.text().split("\\s+").length).sum();
    return (int) Math.max(d.minWords(), Math.min(d.maxWords(), d.lengthShare() * words));
  }

  private static List<String> sentences(String text) {
    return Sentence.ofArticle(text).stream().map(Sentence::text).toList();
  }

  static List<Event> read(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Event> events = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = json.readTree(line);
      List<ArticleContent> articles = new ArrayList<>();
      row.path("articles")
          .forEach(
              a ->
                  articles.add(
                      new ArticleContent(
                          a.path("title").asText(""), a.path("text").asText(), "en")));
      events.add(
          new Event(
              row.path("id").asText(),
              row.path("dataset").asText(),
              articles,
              row.path("reference").asText()));
    }
    return events;
  }
}
