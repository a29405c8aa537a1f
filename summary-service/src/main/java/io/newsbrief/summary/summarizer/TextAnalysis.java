package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Content terms of English text as Lucene's English analyzer makes them: tokenized, lower-cased,
 * possessives and stop words removed, Porter-stemmed. Thread-safe.
 */
final class TextAnalysis {

  private static final Analyzer ENGLISH = new EnglishAnalyzer();

  private TextAnalysis() {}

  /** Each content term's stem with its count. */
  static Map<String, Integer> terms(String text) {
    Map<String, Integer> terms = new HashMap<>();
    try (TokenStream tokens = ENGLISH.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.merge(term.toString(), 1, Integer::sum);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return terms;
  }
}
