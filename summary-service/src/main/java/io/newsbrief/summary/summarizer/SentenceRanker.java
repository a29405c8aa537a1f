package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Scores sentences by how likely they belong in a summary: a linear model over {@link
 * SentenceFeatures}, learned to rank (pairwise, then tuned for ROUGE) on CNN/DailyMail training
 * articles with greedy-oracle labels; the weights are in {@value #WEIGHTS}. Picks the best ones
 * with redundancy control: a sentence sharing a word trigram with one already picked is skipped.
 */
final class SentenceRanker {

  static final String WEIGHTS = "/summarizer/sentence-ranker.properties";

  private final double[] weights;

  SentenceRanker(double[] weights) {
    if (weights.length != SentenceFeatures.NAMES.size()) {
      throw new IllegalArgumentException(
          "expected " + SentenceFeatures.NAMES.size() + " weights, got " + weights.length);
    }
    this.weights = weights.clone();
  }

  static SentenceRanker trained() {
    Properties properties = new Properties();
    try (InputStream in = SentenceRanker.class.getResourceAsStream(WEIGHTS)) {
      if (in == null) {
        throw new IllegalStateException(WEIGHTS + " is missing");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double[] weights = new double[SentenceFeatures.NAMES.size()];
    for (int i = 0; i < weights.length; i++) {
      String weight = properties.getProperty(SentenceFeatures.NAMES.get(i));
      if (weight == null) {
        throw new IllegalStateException(
            WEIGHTS + " has no weight for " + SentenceFeatures.NAMES.get(i));
      }
      weights[i] = Double.parseDouble(weight);
    }
    return new SentenceRanker(weights);
  }

  double[] scores(double[][] features) {
    double[] scores = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      double score = 0;
      for (int f = 0; f < weights.length; f++) {
        score += weights[f] * features[i][f];
      }
      scores[i] = score;
    }
    return scores;
  }

  /** The indexes of the best {@code count} sentences, in article order. */
  static List<Integer> best(List<Sentence> sentences, double[] scores, int count) {
    List<Integer> byScore =
        IntStream.range(0, sentences.size())
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i))
            .toList();
    List<Integer> picked = new ArrayList<>();
    Set<String> seenTrigrams = new HashSet<>();
    for (int index : byScore) {
      if (picked.size() == count) {
        break;
      }
      Set<String> trigrams = trigrams(sentences.get(index).text());
      if (trigrams.stream().noneMatch(seenTrigrams::contains)) {
        picked.add(index);
        seenTrigrams.addAll(trigrams);
      }
    }
    picked.sort(Comparator.naturalOrder());
    return picked;
  }

  private static Set<String> trigrams(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> trigrams = new HashSet<>();
    for (int i = 0; i + 2 < words.length; i++) {
      if (!words[i].isEmpty()) {
        trigrams.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
      }
    }
    return trigrams;
  }
}
