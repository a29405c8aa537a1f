package io.newsbrief.summary.summarizer;

import io.newsbrief.commons.text.SparseVectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the ranker knows about each sentence: where it is (news puts the essentials first), how long
 * it is, how central it is to the article (PacSum-style directed TF-IDF centrality: similarity to
 * the sentences after it and before it, counted apart), how close to the headline and to the whole
 * article, and a few surface cues (quotes, questions, numbers, dangling openers).
 */
final class SentenceFeatures {

  static final List<String> NAMES =
      List.of(
          "bias",
          "pos0",
          "pos1",
          "pos2",
          "pos3",
          "pos4",
          "pos5",
          "pos6to9",
          "pos10plus",
          "relativePosition",
          "words1to7",
          "words8to12",
          "words13to18",
          "words19to25",
          "words26to35",
          "words36plus",
          "wordsScaled",
          "forwardCentrality",
          "backwardCentrality",
          "centroidSimilarity",
          "titleSimilarity",
          "firstSentenceSimilarity",
          "paragraphStart",
          "quote",
          "question",
          "numbers",
          "danglingOpener");

  private static final Pattern QUOTE = Pattern.compile("[\"“”]|``|''");
  private static final Pattern NUMBER = Pattern.compile("\\d");
  private static final Pattern DANGLING =
      Pattern.compile(
          "^(?:but|and|or|so|yet|however|he|she|it|they|this|that|these|those|his|her|their|its)\\b",
          Pattern.CASE_INSENSITIVE);

  private SentenceFeatures() {}

  static double[][] of(String title, List<Sentence> sentences) {
    int n = sentences.size();
    List<Map<String, Double>> vectors = tfIdfVectors(sentences);
    Map<String, Double> centroid = new HashMap<>();
    vectors.forEach(v -> v.forEach((term, weight) -> centroid.merge(term, weight, Double::sum)));
    normalize(centroid);
    Map<String, Double> titleVector = new HashMap<>();
    if (title != null && !title.isBlank()) {
      TextAnalysis.terms(title).forEach((term, count) -> titleVector.put(term, (double) count));
      normalize(titleVector);
    }
    double[][] similarity = similarities(vectors);
    double[][] features = new double[n][];
    for (int i = 0; i < n; i++) {
      Sentence sentence = sentences.get(i);
      double forward = 0;
      double backward = 0;
      for (int j = 0; j < n; j++) {
        if (j > i) {
          forward += similarity[i][j];
        } else if (j < i) {
          backward += similarity[i][j];
        }
      }
      int words = sentence.words();
      String text = sentence.text();
      features[i] =
          new double[] {
            1,
            i == 0 ? 1 : 0,
            i == 1 ? 1 : 0,
            i == 2 ? 1 : 0,
            i == 3 ? 1 : 0,
            i == 4 ? 1 : 0,
            i == 5 ? 1 : 0,
            i >= 6 && i <= 9 ? 1 : 0,
            i >= 10 ? 1 : 0,
            n == 1 ? 0 : (double) i / (n - 1),
            words <= 7 ? 1 : 0,
            words >= 8 && words <= 12 ? 1 : 0,
            words >= 13 && words <= 18 ? 1 : 0,
            words >= 19 && words <= 25 ? 1 : 0,
            words >= 26 && words <= 35 ? 1 : 0,
            words >= 36 ? 1 : 0,
            Math.min(words, 60) / 30.0,
            n == 1 ? 0 : forward / Math.sqrt(n - 1),
            n == 1 ? 0 : backward / Math.sqrt(n - 1),
            SparseVectors.dot(vectors.get(i), centroid),
            SparseVectors.dot(vectors.get(i), titleVector),
            i == 0 ? 0 : similarity[i][0],
            sentence.firstInParagraph() ? 1 : 0,
            QUOTE.matcher(text).find() ? 1 : 0,
            text.endsWith("?") || text.endsWith("?\"") ? 1 : 0,
            NUMBER.matcher(text).find() ? 1 : 0,
            DANGLING.matcher(text).find() ? 1 : 0
          };
    }
    return features;
  }

  /**
   * Every pair's cosine, summed term by term over the sentences that hold each term (an inverted
   * index): most pairs share no term, so this is far cheaper than a dot product per pair.
   */
  private static double[][] similarities(List<Map<String, Double>> vectors) {
    int n = vectors.size();
    Map<String, List<Integer>> holders = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String term : vectors.get(i).keySet()) {
        holders.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
      }
    }
    double[][] similarity = new double[n][n];
    holders.forEach(
        (term, sentences) -> {
          for (int a = 0; a < sentences.size(); a++) {
            int i = sentences.get(a);
            double weight = vectors.get(i).get(term);
            for (int b = a + 1; b < sentences.size(); b++) {
              int j = sentences.get(b);
              double product = weight * vectors.get(j).get(term);
              similarity[i][j] += product;
              similarity[j][i] += product;
            }
          }
        });
    return similarity;
  }

  /** Unit-length TF-IDF vectors, with document frequency counted over the article's sentences. */
  private static List<Map<String, Double>> tfIdfVectors(List<Sentence> sentences) {
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (Sentence sentence : sentences) {
      sentence.terms().keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
    }
    double n = sentences.size();
    return sentences.stream()
        .map(
            sentence -> {
              Map<String, Double> vector = new HashMap<>();
              sentence
                  .terms()
                  .forEach(
                      (term, count) ->
                          vector.put(
                              term,
                              (1 + Math.log(count))
                                  * Math.log((n + 1) / documentFrequency.get(term))));
              normalize(vector);
              return vector;
            })
        .toList();
  }

  private static void normalize(Map<String, Double> vector) {
    double norm = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
    if (norm > 0) {
      vector.replaceAll((term, weight) -> weight / norm);
    }
  }
}
