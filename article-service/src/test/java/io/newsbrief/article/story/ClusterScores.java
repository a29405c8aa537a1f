package io.newsbrief.article.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** B³ and pairwise precision, recall and F1 of a clustering against gold clusters. */
final class ClusterScores {

  record Scores(double precision, double recall) {
    double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  private ClusterScores() {}

  /** Per item: the share of its predicted cluster that is in its gold one, and the reverse. */
  static Scores bCubed(Map<String, String> predicted, Map<String, String> gold) {
    Map<String, Set<String>> predictedMembers = members(predicted);
    Map<String, Set<String>> goldMembers = members(gold);
    double precision = 0;
    double recall = 0;
    for (String item : gold.keySet()) {
      Set<String> inPredicted = predictedMembers.get(predicted.get(item));
      Set<String> inGold = goldMembers.get(gold.get(item));
      long both = inPredicted.stream().filter(inGold::contains).count();
      precision += (double) both / inPredicted.size();
      recall += (double) both / inGold.size();
    }
    return new Scores(precision / gold.size(), recall / gold.size());
  }

  /** Over all pairs of items: same predicted cluster versus same gold cluster. */
  static Scores pairwise(Map<String, String> predicted, Map<String, String> gold) {
    long predictedPairs = pairs(members(predicted));
    long goldPairs = pairs(members(gold));
    Map<String, Long> shared = new HashMap<>();
    for (String item : gold.keySet()) {
      shared.merge(predicted.get(item) + "\u0000" + gold.get(item), 1L, Long::sum);
    }
    long both = shared.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    return new Scores(
        predictedPairs == 0 ? 1 : (double) both / predictedPairs,
        goldPairs == 0 ? 1 : (double) both / goldPairs);
  }

  private static long pairs(Map<String, Set<String>> clusters) {
    return clusters.values().stream().mapToLong(c -> (long) c.size() * (c.size() - 1) / 2).sum();
  }

  private static Map<String, Set<String>> members(Map<String, String> clustering) {
    Map<String, Set<String>> members = new HashMap<>();
    clustering.forEach(
        (item, cluster) -> members.computeIfAbsent(cluster, c -> new HashSet<>()).add(item));
    return members;
  }
}
