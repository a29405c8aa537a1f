package io.newsbrief.summary.summarizer;

import java.util.ArrayList;
import java.util.Arrays;
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
 * and lines and sentences that are not story at all ({@link Boilerplate}: bylines, captions, "Read
 * more", "Scroll down for video"…), which are dropped. Datelines stay in the text; {@link
 * #withoutDateline} takes them off a sentence.
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

  /** An unpunctuated line this short is a caption, heading or credit, not prose. */
  private static final int MAX_CAPTION_WORDS = 20;

  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LINE_BREAK = Pattern.compile("\\n");
  private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[•▪●◦*–—-]|\\d{1,2}[.)])\\s+");
  private static final Pattern CAPITALS_DATELINE =
      Pattern.compile(
          "^\\p{Lu}{2}[\\p{Lu} .,'’-]{0,40}(?:\\s*\\([^()]{1,30}\\))?\\s*[-–—]{1,2}\\s+");
  private static final Pattern AGENCY_DATELINE =
      Pattern.compile(
          "^[^()]{0,40}\\(\\s*(?:cnn|reuters|ap|afp|bbc|upi|dpa|xinhua|kyodo|efe|ansa|pti|ians)\\s*\\)\\s*(?:--|[-–—:])?\\s*",
          Pattern.CASE_INSENSITIVE);

  private SentenceSplitter() {}

  /**
   * The text's paragraphs (blank-line separated), each as its sentences, without what is not story
   * ({@link Boilerplate}); empty ones left out. A line that does not end like a sentence ends one
   * there: a short one is a caption, heading or credit and is dropped, so it is never glued to the
   * sentence after it — unless most lines of the paragraph end so, which is prose wrapped at a
   * fixed width.
   */
  public static List<List<String>> paragraphs(String text) {
    List<List<String>> paragraphs = new ArrayList<>();
    for (String block : BLANK_LINE.split(text)) {
      List<String> sentences = new ArrayList<>();
      StringBuilder prose = new StringBuilder();
      String[] lines = LINE_BREAK.split(block);
      boolean wrapped = isWrapped(lines);
      for (String line : lines) {
        String stripped = Boilerplate.withoutLeadingByline(line.strip());
        if (stripped.isEmpty() || Boilerplate.isPageLine(stripped)) {
          continue;
        }
        Matcher bullet = BULLET.matcher(stripped);
        if (bullet.find()) {
          addStory(sentences, prose.toString());
          prose.setLength(0);
          addStory(sentences, stripped.substring(bullet.end()));
        } else if (!wrapped && !Boilerplate.endsLikeSentence(stripped)) {
          addStory(sentences, prose.toString());
          prose.setLength(0);
          if (WORD.matcher(stripped).results().count() > MAX_CAPTION_WORDS) {
            addStory(sentences, stripped);
          }
        } else {
          prose.append(stripped).append(' ');
        }
      }
      addStory(sentences, prose.toString());
      if (!sentences.isEmpty()) {
        paragraphs.add(sentences);
      }
    }
    return paragraphs;
  }

  /** Prose wrapped at a fixed width: most of three or more lines end mid-sentence. */
  private static boolean isWrapped(String[] lines) {
    long unended =
        Arrays.stream(lines)
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !Boilerplate.endsLikeSentence(line))
            .count();
    return lines.length >= 3 && unended * 2 > lines.length;
  }

  private static void addStory(List<String> sentences, String text) {
    for (String sentence : split(text)) {
      if (!Boilerplate.isBoilerplate(sentence)) {
        sentences.add(sentence);
      }
    }
  }

  /** The sentences of running text. */
  public static List<String> split(String text) {
    String flat = WHITESPACE.matcher(text).replaceAll(" ").strip();
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
