package io.newsbrief.summary.summarizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbrief.testing.EvaluationFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The faithfulness evaluation, a command rather than a test (its name keeps it out of the normal
 * run): reads a JSONL of {@code {id, dataset, document, summary, label}} (label 1 = faithful),
 * scores every summary against its document with {@link SourceSupport}, and prints per dataset and
 * as the mean over datasets the ROC AUC and the balanced accuracy at one threshold — the one that
 * maximises the mean balanced accuracy on the file — beside two baselines (the share of the
 * summary's stemmed content words found in the document, and of its names and numbers) and the
 * share of its sentences the faithfulness gate would keep. Run from the project root:
 *
 * <pre>
 * ./mvnw -q test -Pfaith-eval [-Dfaith.eval.file=FILE] [-Dfaith.eval.write=OUT.jsonl]
 * </pre>
 */
class FaithfulnessEvaluation {

  /** {@code newsbrief.summary.faithfulness.min-sentence-support}'s default. */
  static final double GATE_MIN_SUPPORT = 0.35;

  record Pair(String id, String dataset, String document, String summary, int label) {}

  private static final Pattern FACT = Pattern.compile("\\d[\\d,.]*|(?<=\\p{Ll}[,;:]? )\\p{Lu}\\S+");

  @Test
  void evaluate() throws IOException {
    Path file = EvaluationFiles.input("faith.eval.file", "../../shared/eval/faith-dev.jsonl");
    List<Pair> pairs = read(file);
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Double> keptShares = new LinkedHashMap<>();
    long started = System.nanoTime();
    int sentences = 0;
    for (Pair pair : pairs) {
      List<String> summary = SourceSupport.sentencesOf(pair.summary());
      sentences += summary.size();
      SourceSupport support = SourceSupport.of(List.of(pair.document()));
      scores.put(pair.id(), support.score(summary));
      keptShares.put(pair.id(), keptShare(support, summary));
    }
    double millis = (System.nanoTime() - started) / 1e6;

    Map<String, ToDoubleFunction<Pair>> methods = new LinkedHashMap<>();
    methods.put("stemmed content-word overlap", FaithfulnessEvaluation::wordOverlap);
    methods.put("names and numbers overlap", FaithfulnessEvaluation::factOverlap);
    methods.put("**SourceSupport**", pair -> scores.get(pair.id()));
    methods.put("the gate's sentence rule: share kept", pair -> keptShares.get(pair.id()));
    List<String> datasets = pairs.stream().map(Pair::dataset).distinct().toList();

    System.out.printf(
        "%nFaithfulness on %s: %d pairs, %d datasets%n%n",
        file.getFileName(), pairs.size(), datasets.size());
    StringBuilder header = new StringBuilder("| method | figure |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (String dataset : datasets) {
      header.append(' ').append(dataset).append(" |");
      rule.append("---|");
    }
    System.out.println(header.append(" **macro** | threshold |"));
    System.out.println(rule.append("---|---|"));
    methods.forEach(
        (name, method) -> {
          Map<String, List<Pair>> byDataset = new LinkedHashMap<>();
          Map<Pair, Double> scored = new LinkedHashMap<>();
          for (Pair pair : pairs) {
            byDataset.computeIfAbsent(pair.dataset(), d -> new ArrayList<>()).add(pair);
            scored.put(pair, method.applyAsDouble(pair));
          }
          double threshold = bestThreshold(byDataset, scored);
          StringBuilder auc = new StringBuilder("| " + name + " | ROC AUC |");
          StringBuilder accuracy = new StringBuilder("| | balanced accuracy |");
          double aucSum = 0;
          double accuracySum = 0;
          for (String dataset : datasets) {
            double a = auc(byDataset.get(dataset), scored);
            double b = balancedAccuracy(byDataset.get(dataset), scored, threshold);
            aucSum += a;
            accuracySum += b;
            auc.append(String.format(Locale.ROOT, " %.1f |", 100 * a));
            accuracy.append(String.format(Locale.ROOT, " %.1f |", 100 * b));
          }
          System.out.println(
              auc.append(
                  String.format(Locale.ROOT, " **%.1f** | |", 100 * aucSum / datasets.size())));
          System.out.println(
              accuracy.append(
                  String.format(
                      Locale.ROOT,
                      " **%.1f** | %.3f |",
                      100 * accuracySum / datasets.size(),
                      threshold)));
        });
    System.out.printf(
        Locale.ROOT,
        "%nscoring: %.2f ms per summary, %.2f ms per 5 sentences (one thread, the source's index"
            + " built each time)%n",
        millis / pairs.size(),
        millis / sentences * 5);
    EvaluationFiles.writeIfAsked("faith.eval.write", "score", scores);
  }

  /**
   * The share of a summary's sentences the gate would keep with its default settings: support of at
   * least {@value #GATE_MIN_SUPPORT}, no unsupported name or number, no negation flip.
   */
  private static double keptShare(SourceSupport support, List<String> summary) {
    return summary.stream()
            .map(support::check)
            .filter(c -> c.support() >= GATE_MIN_SUPPORT && c.statesOnlySupportedFacts())
            .count()
        / (double) Math.max(1, summary.size());
  }

  /**
   * The threshold (over the scores seen) with the best balanced accuracy averaged over datasets.
   */
  private static double bestThreshold(Map<String, List<Pair>> byDataset, Map<Pair, Double> scored) {
    double best = 0;
    double bestAccuracy = -1;
    for (double threshold : new HashSet<>(scored.values())) {
      double accuracy = 0;
      for (List<Pair> pairs : byDataset.values()) {
        accuracy += balancedAccuracy(pairs, scored, threshold);
      }
      if (accuracy > bestAccuracy || (accuracy == bestAccuracy && threshold < best)) {
        bestAccuracy = accuracy;
        best = threshold;
      }
    }
    return best;
  }

  /** Mean of the faithful pairs passed (score ≥ threshold) and the unfaithful ones refused. */
  static double balancedAccuracy(List<Pair> pairs, Map<Pair, Double> scored, double threshold) {
    double faithful = 0;
    double passed = 0;
    double unfaithful = 0;
    double refused = 0;
    for (Pair pair : pairs) {
      boolean passes = scored.get(pair) >= threshold;
      if (pair.label() == 1) {
        faithful++;
        passed += passes ? 1 : 0;
      } else {
        unfaithful++;
        refused += passes ? 0 : 1;
      }
    }
    return ((faithful == 0 ? 1 : passed / faithful) + (unfaithful == 0 ? 1 : refused / unfaithful))
        / 2;
  }

  /** ROC AUC as the chance that a faithful pair outscores an unfaithful one, ties half. */
  static double auc(List<Pair> pairs, Map<Pair, Double> scored) {
    double wins = 0;
    double comparisons = 0;
    for (Pair faithful : pairs) {
      if (faithful.label() != 1) {
        continue;
      }
      for (Pair unfaithful : pairs) {
        if (unfaithful.label() == 1) {
          continue;
        }
        double a = scored.get(faithful);
        double b = scored.get(unfaithful);
        wins += a > b ? 1 : a == b ? 0.5 : 0;
        comparisons++;
      }
    }
    return comparisons == 0 ? Double.NaN : wins / comparisons;
  }

  private static double wordOverlap(Pair pair) {
    Set<String> document = TextAnalysis.terms(pair.document()).keySet();
    Set<String> summary = TextAnalysis.terms(pair.summary()).keySet();
    return summary.isEmpty()
        ? 1
        : summary.stream().filter(document::contains).count() / (double) summary.size();
  }

  private static double factOverlap(Pair pair) {
    String document = pair.document().toLowerCase(Locale.ROOT);
    int facts = 0;
    int found = 0;
    Matcher fact = FACT.matcher(pair.summary());
    while (fact.find()) {
      facts++;
      String value = fact.group().replaceAll("[.,:;'’\"]+$", "").toLowerCase(Locale.ROOT);
      found += document.contains(value) ? 1 : 0;
    }
    return facts == 0 ? 1 : (double) found / facts;
  }

  static List<Pair> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Pair> pairs = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = json.readTree(line);
      pairs.add(
          new Pair(
              row.path("id").asText(),
              row.path("dataset").asText(),
              row.path("document").asText(),
              row.path("summary").asText(),
              row.path("label").asInt()));
    }
    return pairs;
  }
}
