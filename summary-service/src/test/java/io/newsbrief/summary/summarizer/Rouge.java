package io.newsbrief.summary.summarizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * ROUGE F1 with the semantics of Google's {@code rouge-score} package (what papers report): text
 * lower-cased, tokens are runs of [a-z0-9], tokens longer than 3 characters Porter-stemmed; ROUGE-N
 * over n-gram counts; ROUGE-Lsum the summary-level union LCS over newline-separated sentences.
 */
final class Rouge {

  /** Precision, recall and F1 of one candidate against one reference. */
  record Score(double precision, double recall, double f1) {
    static Score of(int hits, int candidateCount, int referenceCount) {
      double precision = candidateCount == 0 ? 0 : (double) hits / candidateCount;
      double recall = referenceCount == 0 ? 0 : (double) hits / referenceCount;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      return new Score(precision, recall, f1);
    }
  }

  private Rouge() {}

  static List<String> tokens(String text) {
    PorterStemmer stemmer = new PorterStemmer();
    List<String> tokens = new ArrayList<>();
    for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.length() > 3) {
        stemmer.setCurrent(token);
        stemmer.stem();
        token = stemmer.getCurrent();
      }
      tokens.add(token);
    }
    return tokens;
  }

  static Score rougeN(String candidate, String reference, int n) {
    return rougeN(tokens(candidate), tokens(reference), n);
  }

  static Score rougeN(List<String> candidate, List<String> reference, int n) {
    Map<List<String>, Integer> candidateGrams = ngrams(candidate, n);
    Map<List<String>, Integer> referenceGrams = ngrams(reference, n);
    int hits = 0;
    for (Map.Entry<List<String>, Integer> gram : candidateGrams.entrySet()) {
      hits += Math.min(gram.getValue(), referenceGrams.getOrDefault(gram.getKey(), 0));
    }
    return Score.of(
        hits, Math.max(0, candidate.size() - n + 1), Math.max(0, reference.size() - n + 1));
  }

  /** Summary-level LCS; sentences are the lines of each text. */
  static Score rougeLsum(String candidate, String reference) {
    return rougeLsum(sentences(candidate), sentences(reference));
  }

  /** Summary-level LCS over tokenized sentences. */
  static Score rougeLsum(
      List<List<String>> candidateSentences, List<List<String>> referenceSentences) {
    int candidateCount = candidateSentences.stream().mapToInt(List::size).sum();
    int referenceCount = referenceSentences.stream().mapToInt(List::size).sum();
    if (candidateCount == 0 || referenceCount == 0) {
      return Score.of(0, candidateCount, referenceCount);
    }
    Map<String, Integer> candidateLeft = counts(candidateSentences);
    Map<String, Integer> referenceLeft = counts(referenceSentences);
    int hits = 0;
    for (List<String> referenceSentence : referenceSentences) {
      TreeSet<Integer> union = new TreeSet<>();
      for (List<String> candidateSentence : candidateSentences) {
        union.addAll(lcsIndexes(referenceSentence, candidateSentence));
      }
      for (int index : union) {
        String token = referenceSentence.get(index);
        if (candidateLeft.getOrDefault(token, 0) > 0 && referenceLeft.getOrDefault(token, 0) > 0) {
          hits++;
          candidateLeft.merge(token, -1, Integer::sum);
          referenceLeft.merge(token, -1, Integer::sum);
        }
      }
    }
    return Score.of(hits, candidateCount, referenceCount);
  }

  static List<List<String>> sentences(String text) {
    List<List<String>> sentences = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        sentences.add(tokens(line));
      }
    }
    return sentences;
  }

  private static Map<String, Integer> counts(List<List<String>> sentences) {
    Map<String, Integer> counts = new HashMap<>();
    sentences.forEach(s -> s.forEach(token -> counts.merge(token, 1, Integer::sum)));
    return counts;
  }

  /**
   * Indexes into {@code reference} of one longest common subsequence, backtracked as rouge-score
   * does.
   */
  private static List<Integer> lcsIndexes(List<String> reference, List<String> candidate) {
    int rows = reference.size();
    int columns = candidate.size();
    int[][] table = new int[rows + 1][columns + 1];
    for (int i = 1; i <= rows; i++) {
      for (int j = 1; j <= columns; j++) {
        table[i][j] =
            reference.get(i - 1).equals(candidate.get(j - 1))
                ? table[i - 1][j - 1] + 1
                : Math.max(table[i - 1][j], table[i][j - 1]);
      }
    }
    List<Integer> indexes = new ArrayList<>();
    int i = rows;
    int j = columns;
    while (i > 0 && j > 0) {
      if (reference.get(i - 1).equals(candidate.get(j - 1))) {
        indexes.add(i - 1);
        i--;
        j--;
      } else if (table[i][j - 1] > table[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    return indexes;
  }

  private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
    Map<List<String>, Integer> grams = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      grams.merge(tokens.subList(i, i + n), 1, Integer::sum);
    }
    return grams;
  }
}
