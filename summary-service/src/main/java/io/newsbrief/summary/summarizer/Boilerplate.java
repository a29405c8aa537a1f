package io.newsbrief.summary.summarizer;

import java.util.regex.Pattern;

/**
 * What a page carries around the story and a brief must never show: bylines and publication stamps,
 * "Scroll down for video", "Read more", "Click here", "E-mail to a friend", "Watch … »", copyright
 * and syndication notices, photo credits, picture captions, social embeds and widgets, links, and
 * headline-like lines. Decided per sentence (or per line, where the text has lines), so that it
 * also works on text whose line breaks were lost, as in feeds and datasets that glue a caption to
 * the next sentence.
 */
final class Boilerplate {

  private static final String FLAGS = "(?iu)";

  /** Lines and sentences that are about the page, not the story. */
  private static final Pattern PAGE_TEXT =
      Pattern.compile(
          FLAGS
              + "^(?:by\\s*\\.?\\s+[\\p{L}.'’ -]{2,60}"
              + "|(?:read|see) (?:more|also)\\b.*"
              + "|(?:sign up|subscribe|follow us|share this|share on|click here|related:|watch:"
              + "|video:|photo:|image:|scroll (?:down|up)|e-?mail to a friend|click to|tap here).*"
              + "|advertisement|sponsored|©.*|copyright\\b.*|all rights reserved.*"
              + "|(?:published|updated|last updated|posted)\\s*:?\\s*[\\p{L}\\d ,:.|]*"
              + "|\\(?(?:reporting|writing|editing|additional reporting) by\\b.*"
              + "|follow\\b.{0,60}\\bon (?:twitter|facebook|instagram|x)\\b.*"
              + "|(?:photos?|pictures?|images?|credits?|source)\\s*:.{0,80})$");

  /** A publication time on its own: "14:11 EST, 25 October 2013". */
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          FLAGS
              + "^\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:\\p{Lu}{2,4})?,?\\s*\\d{1,2}"
              + "(?:st|nd|rd|th)?\\s+\\p{L}+\\s+\\d{4}\\s*\\.?$");

  /** Notices and link texts that stand anywhere in a sentence. */
  private static final Pattern NOTICE =
      Pattern.compile(
          FLAGS
              + "may not be (?:published|reproduced), broadcast|all rights reserved"
              + "|»\\s*\\.?\\s*$|https?://|www\\.|\\.com/|\\.html?\\b"
              + "|\\b(?:image copyright|photo credit|getty images|ap photo|reuters photo|afp photo"
              + "|rex features|shutterstock)\\b"
              + "|\\b(?:your tweets?|tweet location|javascript|cookies?|your browser|privacy policy"
              + "|terms of (?:use|service)|newsletter|video player|embed(?:ded)? (?:this|code))\\b");

  /**
   * A picture caption: "(pictured)", "(left)", "(centre)"… ("Bishop John Folda (pictured) of…"), or
   * a short label before a colon that opens no quotation ("Campaign: Magic Johnson has…").
   */
  private static final Pattern CAPTION =
      Pattern.compile(
          FLAGS
              + "\\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file)\\b[^)]*\\)"
              + "|^pictured\\b|^\\(.*\\)$|\\bcaption\\b"
              + "|^\\p{Lu}[\\p{L}'’-]*(?: [\\p{L}'’-]+){0,2}:\\s+(?![\"'“‘])\\p{Lu}");

  private static final Pattern CAPITALIZED = Pattern.compile("\\p{Lu}\\S*");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final String CLOSING = ".!?…\"'”’)";
  private static final double HEADLINE_CAPITALIZED = 0.6;

  /**
   * A byline run into the text, as some pages and datasets keep it: "By . Daily Mail Reporter . ",
   * "By . Sam Webb . and . Emma Glanfield . ".
   */
  private static final Pattern LEADING_BYLINE =
      Pattern.compile("^By\\s*\\.\\s+(?:(?:and\\s*\\.\\s+)?[\\p{L}'’ -]{2,60}?\\s+\\.\\s+){1,4}");

  private Boilerplate() {}

  /** The line without a byline run into its start. */
  static String withoutLeadingByline(String line) {
    return LEADING_BYLINE.matcher(line).replaceFirst("");
  }

  /** Whether a whole line is about the page rather than the story. */
  static boolean isPageLine(String line) {
    return PAGE_TEXT.matcher(line).matches() || TIMESTAMP.matcher(line).matches();
  }

  /** Whether a sentence must not reach a brief. */
  static boolean isBoilerplate(String sentence) {
    String text = sentence.strip();
    return isPageLine(text)
        || NOTICE.matcher(text).find()
        || CAPTION.matcher(text).find()
        || isHeadlineLike(text);
  }

  /**
   * A headline, caption or credit rather than a sentence: no closing punctuation and mostly
   * capitalized words ("Cast & Credits The Man Viggo Mortensen").
   */
  static boolean isHeadlineLike(String text) {
    if (text.isEmpty() || CLOSING.indexOf(text.charAt(text.length() - 1)) >= 0) {
      return false;
    }
    long capitalized = CAPITALIZED.matcher(text).results().count();
    long words = WORD.matcher(text).results().count();
    return capitalized >= HEADLINE_CAPITALIZED * words;
  }

  /**
   * Whether a line ends like a sentence or introduces what follows (":"); else it is a caption,
   * heading or credit, or prose wrapped at a fixed width.
   */
  static boolean endsLikeSentence(String line) {
    return !line.isEmpty() && (CLOSING + ":").indexOf(line.charAt(line.length() - 1)) >= 0;
  }
}
