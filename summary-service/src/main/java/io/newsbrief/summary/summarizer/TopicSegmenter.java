package io.newsbrief.summary.summarizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Cuts a run of sentences into topics, TextTiling style: the vocabulary of the sentences just
 * before each gap is compared with that just after it, and the cuts go where the similarity dips
 * deepest below its neighbouring peaks, preferring paragraph breaks, with at least two sentences
 * per topic.
 */
final class TopicSegmenter {

  static final int WINDOW = 3;
  static final int MIN_TOPIC_SENTENCES = 2;

  /** How much deeper a gap counts when the article starts a new paragraph there. */
  static final double PARAGRAPH_BREAK_BONUS = 0.1;

  private TopicSegmenter() {}

  static List<List<Sentence>> segments(List<Sentence> sentences, int topics) {
    int gaps = sentences.size() - 1;
    if (topics <= 1 || gaps < 1) {
      return List.of(sentences);
    }
    double[] similarity = new double[gaps];
    for (int gap = 0; gap < gaps; gap++) {
      similarity[gap] =
          cosine(
              window(sentences, Math.max(0, gap - WINDOW + 1), gap + 1),
              window(sentences, gap + 1, Math.min(sentences.size(), gap + 1 + WINDOW)));
    }
    double[] depth = new double[gaps];
    for (int gap = 0; gap < gaps; gap++) {
      depth[gap] = peak(similarity, gap, -1) + peak(similarity, gap, 1) - 2 * similarity[gap];
      if (sentences.get(gap).paragraph() != sentences.get(gap + 1).paragraph()) {
        depth[gap] += PARAGRAPH_BREAK_BONUS;
      }
    }
    List<Integer> byDepth =
        IntStream.range(0, gaps)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer g) -> -depth[g]).thenComparing(g -> g))
            .toList();
    List<Integer> cuts = new ArrayList<>();
    for (int gap : byDepth) {
      if (cuts.size() == topics - 1) {
        break;
      }
      if (leavesRoom(cuts, gap, sentences.size())) {
        cuts.add(gap);
      }
    }
    cuts.sort(null);
    List<List<Sentence>> segments = new ArrayList<>();
    int from = 0;
    for (int gap : cuts) {
      segments.add(sentences.subList(from, gap + 1));
      from = gap + 1;
    }
    segments.add(sentences.subList(from, sentences.size()));
    return segments;
  }

  /** Whether cutting after {@code gap} keeps every topic at least the minimum long. */
  private static boolean leavesRoom(List<Integer> cuts, int gap, int size) {
    List<Integer> bounds = new ArrayList<>(cuts);
    bounds.add(gap);
    bounds.sort(null);
    int previous = -1;
    for (int bound : bounds) {
      if (bound - previous < MIN_TOPIC_SENTENCES) {
        return false;
      }
      previous = bound;
    }
    return size - 1 - previous >= MIN_TOPIC_SENTENCES;
  }

  /** The highest similarity reached climbing from {@code gap} in one direction. */
  private static double peak(double[] similarity, int gap, int direction) {
    double highest = similarity[gap];
    for (int g = gap + direction; g >= 0 && g < similarity.length; g += direction) {
      if (similarity[g] < highest) {
        break;
      }
      highest = similarity[g];
    }
    return highest;
  }

  private static Map<String, Integer> window(List<Sentence> sentences, int from, int to) {
    Map<String, Integer> terms = new HashMap<>();
    sentences
        .subList(from, to)
        .forEach(s -> s.terms().forEach((t, c) -> terms.merge(t, c, Integer::sum)));
    return terms;
  }

  private static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
    double dot = 0;
    for (Map.Entry<String, Integer> entry : a.entrySet()) {
      dot += entry.getValue() * (double) b.getOrDefault(entry.getKey(), 0);
    }
    double norms = norm(a) * norm(b);
    return norms == 0 ? 0 : dot / norms;
  }

  private static double norm(Map<String, Integer> vector) {
    return Math.sqrt(vector.values().stream().mapToDouble(c -> (double) c * c).sum());
  }
}
