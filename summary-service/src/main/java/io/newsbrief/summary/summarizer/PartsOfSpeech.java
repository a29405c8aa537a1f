package io.newsbrief.summary.summarizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which word classes an English word can take, from a lexicon derived from OpenNLP's English POS
 * model ({@value #LEXICON}; 16,000 words): enough to tell a noun phrase from a verb or adverb
 * phrase without running a tagger (a few hash lookups instead of milliseconds per sentence). Words
 * it does not know count as nouns: in news they are mostly names and rare nouns.
 */
final class PartsOfSpeech {

  static final String LEXICON = "/summarizer/pos-lexicon.tsv";

  /** Loaded on first use (the export that writes the lexicon uses {@link #classOf} before it). */
  private static final class Lexicon {
    static final Map<String, String> CLASSES = load();
  }

  private PartsOfSpeech() {}

  /** A Penn Treebank tag's class: N noun, J adjective, G gerund, V verb, R adverb, O other. */
  static char classOf(String pennTag) {
    if (pennTag.startsWith("NN")) {
      return 'N';
    }
    if (pennTag.startsWith("JJ")) {
      return 'J';
    }
    if (pennTag.equals("VBG")) {
      return 'G';
    }
    if (pennTag.startsWith("VB") || pennTag.equals("MD")) {
      return 'V';
    }
    if (pennTag.startsWith("RB")) {
      return 'R';
    }
    return 'O';
  }

  /**
   * Whether the words can be a noun phrase on their own: the last can be a noun, each before it a
   * noun, adjective or gerund ("Border Dispute", "Rising Prices", "Peace Talks"; not "Quickly
   * Approved", "Sides and Round").
   */
  static boolean isNounPhrase(List<String> words) {
    if (words.isEmpty() || !can(words.get(words.size() - 1), "N")) {
      return false;
    }
    for (String word : words.subList(0, words.size() - 1)) {
      if (!can(word, "NJG")) {
        return false;
      }
    }
    return true;
  }

  private static boolean can(String word, String anyOf) {
    String classes = Lexicon.CLASSES.get(word);
    if (classes == null) {
      classes = Lexicon.CLASSES.get(word.toLowerCase(Locale.ROOT));
    }
    if (classes == null) {
      return true;
    }
    for (int i = 0; i < anyOf.length(); i++) {
      if (classes.indexOf(anyOf.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> load() {
    Map<String, String> classes = new HashMap<>();
    try (InputStream in = PartsOfSpeech.class.getResourceAsStream(LEXICON)) {
      if (in == null) {
        throw new IllegalStateException(LEXICON + " is missing");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("#") && tab > 0) {
          classes.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(classes);
  }
}
