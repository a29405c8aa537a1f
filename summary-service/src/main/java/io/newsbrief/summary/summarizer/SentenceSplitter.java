package io.newsbrief.summary.summarizer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits news text into sentences with the JDK's sentence rules, then rejoins the splits they get
 * wrong in news: after titles and common abbreviations ("Mr.", "U.S.", "Jan.") and initials.
 */
public final class SentenceSplitter {

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
          "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc", "jan", "feb", "mar",
          "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
          "thu", "fri", "sat", "sun", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "d.c");
  private static final Pattern INITIAL = Pattern.compile("(?:^|\\s)\\p{Lu}\\.$");
  private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}.]+)\\.$");

  private SentenceSplitter() {}

  public static List<String> split(String paragraph) {
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    iterator.setText(paragraph);
    List<String> sentences = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      pending.append(paragraph, start, end);
      String candidate = pending.toString().strip();
      if (!candidate.isEmpty() && !endsWithAbbreviation(candidate)) {
        sentences.add(candidate);
        pending.setLength(0);
      }
    }
    String rest = pending.toString().strip();
    if (!rest.isEmpty()) {
      sentences.add(rest);
    }
    return sentences;
  }

  private static boolean endsWithAbbreviation(String text) {
    if (INITIAL.matcher(text).find()) {
      return true;
    }
    var lastWord = LAST_WORD.matcher(text);
    return lastWord.find() && ABBREVIATIONS.contains(lastWord.group(1).toLowerCase(Locale.ROOT));
  }
}
