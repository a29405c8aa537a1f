package io.newsbrief.summary.summarizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One sentence of an article as the summarizer sees it.
 *
 * @param index position in the article, from 0
 * @param paragraph the paragraph it is in, from 0
 * @param firstInParagraph whether it opens its paragraph
 * @param words how many words it has
 * @param terms its content terms (stems) with counts
 */
record Sentence(
    String text,
    int index,
    int paragraph,
    boolean firstInParagraph,
    int words,
    Map<String, Integer> terms) {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  static Sentence of(String text, int index, int paragraph, boolean firstInParagraph) {
    int words = (int) WORD.matcher(text).results().count();
    return new Sentence(text, index, paragraph, firstInParagraph, words, TextAnalysis.terms(text));
  }

  /** The article's sentences, in order. */
  static List<Sentence> ofArticle(String text) {
    List<Sentence> sentences = new ArrayList<>();
    List<List<String>> paragraphs = SentenceSplitter.paragraphs(text);
    for (int p = 0; p < paragraphs.size(); p++) {
      List<String> paragraph = paragraphs.get(p);
      for (int s = 0; s < paragraph.size(); s++) {
        sentences.add(of(paragraph.get(s), sentences.size(), p, s == 0));
      }
    }
    return sentences;
  }
}
