package io.newsbrief.article.story;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MinHash signatures of a text's word 3-shingles, and their LSH bands. Two texts' signatures agree
 * in a position with probability equal to the Jaccard similarity of their shingle sets; with {@link
 * #BANDS} bands of {@link #ROWS} rows, texts of similarity 0.5 share a band with probability 0.93,
 * and of 0.2 with 0.15. The hash functions are fixed: signatures are stored and compared across
 * releases and replicas.
 */
public final class MinHash {

  public static final int BANDS = 20;
  public static final int ROWS = 3;
  public static final int SIZE = BANDS * ROWS;
  private static final int SHINGLE = 3;
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final long[] SEEDS = seeds();

  private MinHash() {}

  /** The signature of {@code text}; texts with fewer than three words hash their words alone. */
  public static int[] signature(String text) {
    List<String> words =
        NON_WORD
            .splitAsStream(text.toLowerCase(Locale.ROOT))
            .filter(word -> !word.isEmpty())
            .toList();
    Set<Long> shingles = new HashSet<>();
    int width = Math.min(SHINGLE, words.size());
    for (int i = 0; i + width <= words.size() && width > 0; i++) {
      shingles.add(fnv1a(String.join(" ", words.subList(i, i + width))));
    }
    int[] signature = new int[SIZE];
    java.util.Arrays.fill(signature, Integer.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < SIZE; i++) {
        int hash = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
        if (hash < signature[i]) {
          signature[i] = hash;
        }
      }
    }
    return signature;
  }

  /** The estimated Jaccard similarity of the two texts. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / SIZE;
  }

  /** One key per band: texts sharing any key are candidates for the same story. */
  public static long[] bands(int[] signature) {
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long key = band;
      for (int row = 0; row < ROWS; row++) {
        key = mix(key * 31 + signature[band * ROWS + row]);
      }
      keys[band] = key;
    }
    return keys;
  }

  private static long fnv1a(String value) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      hash ^= value.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** SplitMix64's finaliser: a good 64-bit mix, fixed forever. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[SIZE];
    long state = 0x5eed_0f_57_0e1e5L;
    for (int i = 0; i < SIZE; i++) {
      state += 0x9e3779b97f4a7c15L;
      seeds[i] = mix(state);
    }
    return seeds;
  }
}
