package io.newsbrief.summary.summarizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits news text into paragraphs of sentences. Handles what news text throws at a splitter:
 * titles, abbreviations and initials ("Mr.", "U.S.", "Jan.", "J. R."), decimals and URLs, closing
 * quotes and brackets after the full stop, question and exclamation marks inside quotes, tokenized
 * text (" . " ends a sentence even before a lower-case word), bullet lists (each item a sentence),
 * and lines that are not story at all (bylines, "Read more", "Sign up", "Advertisement"), which are
 * dropped. Datelines stay in the text; {@link #withoutDateline} takes them off a sentence.
 */
public final class SentenceSplitter {

  /** Abbreviations after which a full stop does not end a sentence before a capital or digit. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
          "cmdr", "adm", "maj", "pres", "rev", "hon", "st", "mt", "ft", "jr", "sr", "inc", "ltd",
          "co", "corp", "bros", "no", "nos", "vs", "etc", "approx", "dept", "est", "fig", "jan",
          "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
          "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "u.s", "u.k", "u.n",
          "e.u", "e.g", "i.e", "a.m", "p.m", "d.c", "ph.d");

  private static final String TERMINATORS = ".!?…";
  private static final String CLOSERS = "\"'”’)]»";
  private static final String OPENERS = "\"'“‘([«`";

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[•▪●◦*–—-]|\\d{1,2}[.)])\\s+");
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "^(?:by\\s+[\\p{L}.'’ -]{2,60}"
              + "|(?:read|see) (?:more|also)\\b.*"
              + "|(?:sign up|subscribe|follow us|share this|share on|click here|related:|watch:|video:|photo:|image:).*"
              + "|advertisement|sponsored|©.*|copyright\\b.*|all rights reserved.*"
              + "|(?:published|updated|last updated|posted)\\s*:?\\s*[\\p{L}\\d ,:.]*"
              + "|\\(?(?:reporting|writing|editing|additional reporting) by\\b.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern CAPITALS_DATELINE =
      Pattern.compile(
          "^\\p{Lu}{2}[\\p{Lu} .,'’-]{0,40}(?:\\s*\\([^()]{1,30}\\))?\\s*[-–—]{1,2}\\s+");
  private static final Pattern AGENCY_DATELINE =
      Pattern.compile(
          "^[^()]{0,40}\\(\\s*(?:cnn|reuters|ap|afp|bbc|upi|dpa|xinhua|kyodo|efe|ansa|pti|ians)\\s*\\)\\s*(?:--|[-–—:])?\\s*",
          Pattern.CASE_INSENSITIVE);

  private SentenceSplitter() {}

  /** The text's paragraphs (blank-line separated), each as its sentences; empty ones left out. */
  public static List<List<String>> paragraphs(String text) {
    List<List<String>> paragraphs = new ArrayList<>();
    for (String block : text.split("\\n\\s*\\n")) {
      List<String> sentences = new ArrayList<>();
      StringBuilder prose = new StringBuilder();
      for (String line : block.split("\\n")) {
        String stripped = line.strip();
        if (stripped.isEmpty() || BOILERPLATE.matcher(stripped).matches()) {
          continue;
        }
        Matcher bullet = BULLET.matcher(stripped);
        if (bullet.find()) {
          sentences.addAll(split(prose.toString()));
          prose.setLength(0);
          sentences.addAll(split(stripped.substring(bullet.end())));
        } else {
          prose.append(stripped).append(' ');
        }
      }
      sentences.addAll(split(prose.toString()));
      if (!sentences.isEmpty()) {
        paragraphs.add(sentences);
      }
    }
    return paragraphs;
  }

  /** The sentences of running text. */
  public static List<String> split(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    List<String> sentences = new ArrayList<>();
    int start = 0;
    int length = flat.length();
    for (int i = 0; i < length; i++) {
      if (TERMINATORS.indexOf(flat.charAt(i)) < 0) {
        continue;
      }
      int end = i + 1;
      while (end < length && TERMINATORS.indexOf(flat.charAt(end)) >= 0) {
        end++;
      }
      int close = end;
      while (close < length) {
        if (CLOSERS.indexOf(flat.charAt(close)) >= 0) {
          close++;
        } else if (flat.startsWith(" ''", close) || flat.startsWith(" )", close)) {
          close += flat.charAt(close + 1) == '\'' ? 3 : 2; // tokenized closing quote or bracket
        } else {
          break;
        }
      }
      if (close < length && flat.charAt(close) == ' ' && endsSentence(flat, start, i, end, close)) {
        add(sentences, flat.substring(start, close));
        start = close + 1;
      }
      i = close - 1;
    }
    add(sentences, flat.substring(Math.min(start, length)));
    return sentences;
  }

  /** The sentence without a leading dateline ("GENEVA —", "LONDON (Reuters) -", "( cnn ) --"). */
  public static String withoutDateline(String sentence) {
    for (Pattern dateline : List.of(CAPITALS_DATELINE, AGENCY_DATELINE)) {
      Matcher match = dateline.matcher(sentence);
      if (match.find() && match.end() < sentence.length()) {
        return sentence.substring(match.end());
      }
    }
    return sentence;
  }

  private static boolean endsSentence(String text, int start, int terminator, int end, int close) {
    int next = close + 1;
    if (next >= text.length()) {
      return true;
    }
    char following = text.charAt(next);
    boolean tokenized = terminator > start && text.charAt(terminator - 1) == ' ';
    boolean ellipsis = end - terminator > 1 || text.charAt(terminator) == '…';
    if (tokenized && !ellipsis) {
      return true;
    }
    boolean capitalNext =
        Character.isUpperCase(following)
            || Character.isDigit(following)
            || (OPENERS.indexOf(following) >= 0
                && next + 1 < text.length()
                && (Character.isUpperCase(text.charAt(next + 1))
                    || Character.isDigit(text.charAt(next + 1))
                    || text.charAt(next + 1) == ' '));
    if (!capitalNext) {
      return false;
    }
    if (text.charAt(terminator) != '.' || ellipsis || close > end) {
      return true;
    }
    return !endsWithAbbreviation(text.substring(start, terminator));
  }

  private static boolean endsWithAbbreviation(String beforeStop) {
    int wordStart = beforeStop.lastIndexOf(' ') + 1;
    String word = beforeStop.substring(wordStart);
    while (!word.isEmpty() && OPENERS.indexOf(word.charAt(0)) >= 0) {
      word = word.substring(1);
    }
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true; // an initial
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static void add(List<String> sentences, String sentence) {
    String stripped = sentence.strip();
    if (!stripped.isEmpty() && stripped.chars().anyMatch(Character::isLetterOrDigit)) {
      sentences.add(stripped);
    }
  }
}
