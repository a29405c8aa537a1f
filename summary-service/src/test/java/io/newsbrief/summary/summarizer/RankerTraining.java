package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Learns the {@link SentenceRanker}'s weights: greedy-oracle labels (the sentences that together
 * maximise ROUGE-1 + ROUGE-2 against the reference), a pairwise logistic ranking model (each oracle
 * sentence should outscore each other sentence of its article), then coordinate ascent on the mean
 * ROUGE-1/2/Lsum F1 of the top-3 on the training articles. Run:
 *
 * <pre>
 * ../mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.newsbrief.summary.summarizer.RankerTraining \
 *   -Dexec.args="../../shared/eval/cnndm-train.jsonl src/main/resources/summarizer/sentence-ranker.properties"
 * </pre>
 */
public final class RankerTraining {

  static final int SUMMARY_SENTENCES = 3;

  /** An article ready for fast scoring: features, each sentence's ROUGE tokens, the reference's. */
  record Prepared(
      List<Sentence> sentences,
      double[][] features,
      List<List<String>> sentenceTokens,
      List<String> referenceTokens,
      List<List<String>> referenceSentences,
      List<Integer> oracle) {

    static Prepared of(EvaluationData article) {
      List<Sentence> sentences = Sentence.ofArticle(article.text());
      double[][] features = SentenceFeatures.of(article.title(), sentences);
      List<List<String>> tokens =
          sentences.stream()
              .map(s -> Rouge.tokens(SentenceSplitter.withoutDateline(s.text())))
              .toList();
      List<List<String>> referenceSentences = Rouge.sentences(article.reference());
      List<String> referenceTokens = referenceSentences.stream().flatMap(List::stream).toList();
      return new Prepared(
          sentences,
          features,
          tokens,
          referenceTokens,
          referenceSentences,
          RankerTraining.oracle(tokens, referenceTokens));
    }

    double rouge(List<Integer> picked) {
      List<List<String>> chosen = picked.stream().map(sentenceTokens::get).toList();
      List<String> flat = chosen.stream().flatMap(List::stream).toList();
      return (Rouge.rougeN(flat, referenceTokens, 1).f1()
              + Rouge.rougeN(flat, referenceTokens, 2).f1()
              + Rouge.rougeLsum(chosen, referenceSentences).f1())
          / 3;
    }
  }

  private RankerTraining() {}

  public static void main(String[] args) throws IOException {
    Path trainFile = Path.of(args[0]);
    Path out = Path.of(args[1]);
    long started = System.nanoTime();
    List<Prepared> train =
        EvaluationData.read(trainFile).parallelStream().map(Prepared::of).toList();
    System.out.printf(
        Locale.ROOT,
        "prepared %d articles in %.1f s%n",
        train.size(),
        (System.nanoTime() - started) / 1e9);
    System.out.printf(Locale.ROOT, "oracle    %.4f%n", mean(train, p -> p.rouge(p.oracle())));
    System.out.printf(
        Locale.ROOT,
        "lead-3    %.4f%n",
        mean(train, p -> p.rouge(firstSentences(p.sentences().size()))));

    double[] weights = pairwise(train);
    System.out.printf(Locale.ROOT, "pairwise  %.4f%n", objective(train, weights));
    weights = coordinateAscent(train, weights);
    System.out.printf(Locale.ROOT, "tuned     %.4f%n", objective(train, weights));

    StringBuilder file =
        new StringBuilder(
            "# SentenceRanker weights, one per SentenceFeatures name. Made by RankerTraining on "
                + trainFile.getFileName()
                + " ("
                + train.size()
                + " articles), "
                + LocalDate.now()
                + ".\n");
    for (int f = 0; f < weights.length; f++) {
      file.append(SentenceFeatures.NAMES.get(f))
          .append('=')
          .append(String.format(Locale.ROOT, "%.5f", weights[f]))
          .append('\n');
    }
    Files.writeString(out, file);
    System.out.println("wrote " + out);
  }

  static List<Integer> firstSentences(int available) {
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < Math.min(SUMMARY_SENTENCES, available); i++) {
      first.add(i);
    }
    return first;
  }

  /** Greedily adds the sentence that most raises ROUGE-1 + ROUGE-2 F1, while any does. */
  static List<Integer> oracle(List<List<String>> sentences, List<String> reference) {
    List<Integer> picked = new ArrayList<>();
    double best = 0;
    while (picked.size() < SUMMARY_SENTENCES) {
      int bestIndex = -1;
      for (int i = 0; i < sentences.size(); i++) {
        if (picked.contains(i)) {
          continue;
        }
        List<Integer> trial = new ArrayList<>(picked);
        trial.add(i);
        trial.sort(null);
        List<String> flat = trial.stream().flatMap(t -> sentences.get(t).stream()).toList();
        double score =
            Rouge.rougeN(flat, reference, 1).f1() + Rouge.rougeN(flat, reference, 2).f1();
        if (score > best) {
          best = score;
          bestIndex = i;
        }
      }
      if (bestIndex < 0) {
        break;
      }
      picked.add(bestIndex);
    }
    picked.sort(null);
    return picked;
  }

  private static double[] pairwise(List<Prepared> train) {
    int dimensions = SentenceFeatures.NAMES.size();
    double[] weights = new double[dimensions];
    double rate = 0.05;
    double l2 = 1e-4;
    for (int epoch = 0; epoch < 8; epoch++) {
      for (Prepared article : train) {
        for (int positive : article.oracle()) {
          for (int negative = 0; negative < article.features().length; negative++) {
            if (article.oracle().contains(negative)) {
              continue;
            }
            double margin = 0;
            for (int f = 0; f < dimensions; f++) {
              margin +=
                  weights[f] * (article.features()[positive][f] - article.features()[negative][f]);
            }
            double gradient = 1 / (1 + Math.exp(margin));
            for (int f = 0; f < dimensions; f++) {
              weights[f] +=
                  rate
                      * (gradient
                              * (article.features()[positive][f] - article.features()[negative][f])
                          - l2 * weights[f]);
            }
          }
        }
      }
      rate *= 0.7;
    }
    return weights;
  }

  private static double[] coordinateAscent(List<Prepared> train, double[] start) {
    double[] weights = start.clone();
    double best = objective(train, weights);
    double[] steps = {1, -1, 0.5, -0.5, 0.2, -0.2, 0.1, -0.1};
    for (int round = 0; round < 3; round++) {
      boolean improved = false;
      for (int f = 1; f < weights.length; f++) { // the bias cannot change a ranking
        double scale = Math.max(0.1, Math.abs(weights[f]));
        for (double step : steps) {
          double[] trial = weights.clone();
          trial[f] += step * scale;
          double score = objective(train, trial);
          if (score > best + 1e-5) {
            best = score;
            weights = trial;
            improved = true;
          }
        }
      }
      System.out.printf(Locale.ROOT, "  round %d: %.4f%n", round + 1, best);
      if (!improved) {
        break;
      }
    }
    return weights;
  }

  static double objective(List<Prepared> articles, double[] weights) {
    SentenceRanker ranker = new SentenceRanker(weights);
    return mean(
        articles,
        p ->
            p.rouge(
                SentenceRanker.best(
                    p.sentences(), ranker.scores(p.features()), SUMMARY_SENTENCES)));
  }

  static double mean(List<Prepared> articles, ToDoubleFunction<Prepared> score) {
    return articles.parallelStream().mapToDouble(score).average().orElse(0);
  }
}
