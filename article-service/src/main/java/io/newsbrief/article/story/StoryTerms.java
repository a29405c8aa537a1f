package io.newsbrief.article.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms an article is compared by: its title (counted twice, it names the event) and the first
 * words of its text, as English stems without stop words. Reports of one event share these far more
 * than their later paragraphs, which drift into background and comment.
 */
public final class StoryTerms {

  /**
   * English stop words, and words that say when or who spoke rather than what happened: same-day
   * reports of different events share them (time is weighed apart, by the day penalty).
   */
  private static final Analyzer ENGLISH =
      new EnglishAnalyzer(
          CharArraySet.unmodifiableSet(
              union(
                  EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
                  List.of(
                      "monday",
                      "tuesday",
                      "wednesday",
                      "thursday",
                      "friday",
                      "saturday",
                      "sunday",
                      "today",
                      "yesterday",
                      "tonight",
                      "week",
                      "said",
                      "says",
                      "say",
                      "told"))));

  private static final double TITLE_WEIGHT = 2;

  private StoryTerms() {}

  private static CharArraySet union(CharArraySet base, List<String> more) {
    CharArraySet words = new CharArraySet(base, true);
    words.addAll(more);
    return words;
  }

  /**
   * @param leadWords how many words of the text count
   * @return term → weighted count
   */
  public static Map<String, Double> of(String title, String text, int leadWords) {
    Map<String, Double> counts = new HashMap<>();
    add(counts, title, TITLE_WEIGHT);
    add(counts, lead(text, leadWords), 1);
    return counts;
  }

  private static String lead(String text, int words) {
    int seen = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord && ++seen > words) {
        return text.substring(0, i);
      }
      inWord = !space;
    }
    return text;
  }

  private static void add(Map<String, Double> counts, String text, double weight) {
    try (TokenStream tokens = ENGLISH.tokenStream("", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (term.length() > 1) {
          counts.merge(term.toString(), weight, Double::sum);
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }
}
