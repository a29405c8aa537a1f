package io.newsbrief.commons.text;

import java.util.Map;

/** Term-weight vectors (TF-IDF and the like) kept as maps: only the terms that occur. */
public final class SparseVectors {

  private SparseVectors() {}

  /** The dot product; the cosine when both vectors are normalised. */
  public static double dot(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double sum = 0;
    for (Map.Entry<String, Double> entry : small.entrySet()) {
      Double other = large.get(entry.getKey());
      if (other != null) {
        sum += entry.getValue() * other;
      }
    }
    return sum;
  }
}
