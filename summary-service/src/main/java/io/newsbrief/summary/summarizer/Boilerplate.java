package io.newsbrief.summary.summarizer;

import java.util.List;
import java.util.Locale;
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

  /** Lines and sentences (lower-cased) that are about the page, not the story. */
  private static final Pattern PAGE_TEXT =
      Pattern.compile(
          "^(?:by\\s*\\.?\\s+[\\p{L}.'’ -]{2,60}"
              + "|(?:read|see) (?:more|also)\\b.*"
              + "|(?:sign up|subscribe|follow us|share this|share on|click here|related:|watch:"
              + "|video:|photo:|image:|scroll (?:down|up)|e-?mail to a friend|click to|tap here).*"
              + "|advertisement|sponsored|©.*|copyright\\b.*|all rights reserved.*"
              + "|(?:published|updated|last updated|posted)\\s*:?\\s*[\\p{L}\\d ,:.|]*"
              + "|\\(?(?:reporting|writing|editing|additional reporting) by\\b.*"
              + "|follow\\b.{0,60}\\bon (?:twitter|facebook|instagram|x)\\b.*"
              + "|(?:photos?|pictures?|images?|credits?|source)\\s*:.{0,80})$");

  /** A publication time on its own (lower-cased): "14:11 est, 25 october 2013". */
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "^\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:\\p{L}{2,4})?,?\\s*\\d{1,2}"
              + "(?:st|nd|rd|th)?\\s+\\p{L}+\\s+\\d{4}\\s*\\.?$");

  /**
   * Notices, links, credits and widget text, wherever they stand in a (lower-cased) sentence:
   * literal phrases, so that the check costs a few {@code indexOf}s, not a regular expression.
   */
  private static final List<String> NOTICES =
      List.of(
          "may not be published, broadcast",
          "may not be reproduced, broadcast",
          "all rights reserved",
          "contributed to this report",
          "contributed reporting",
          "http://",
          "https://",
          "www.",
          ".com/",
          ".htm",
          "image copyright",
          "photo credit",
          "getty images",
          "ap photo",
          "reuters photo",
          "afp photo",
          "rex features",
          "shutterstock",
          "your tweet",
          "tweet location",
          "javascript",
          "cookie",
          "your browser",
          "privacy policy",
          "terms of use",
          "terms of service",
          "newsletter",
          "video player",
          "embed this",
          "embed code",
          "embedded this",
          "embedded code");

  /** A picture's place in brackets (lower-cased): "(pictured)", "(left)", "(centre, with …)". */
  private static final Pattern PICTURE_PLACE =
      Pattern.compile(
          "\\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file)\\b[^)]*\\)");

  /** A caption's label: a short capitalised phrase and a colon that opens no quotation. */
  private static final Pattern CAPTION_LABEL =
      Pattern.compile("^\\p{Lu}[\\p{L}'’-]*(?: [\\p{L}'’-]+){0,2}:\\s+(?![\"'“‘])\\p{Lu}");

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
    String lower = line.toLowerCase(Locale.ROOT);
    return PAGE_TEXT.matcher(lower).matches() || TIMESTAMP.matcher(lower).matches();
  }

  /** Whether a sentence must not reach a brief. */
  static boolean isBoilerplate(String sentence) {
    String text = sentence.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    for (String notice : NOTICES) {
      if (lower.contains(notice)) {
        return true;
      }
    }
    return PAGE_TEXT.matcher(lower).matches()
        || TIMESTAMP.matcher(lower).matches()
        || isCaption(text, lower)
        || text.endsWith("»")
        || text.endsWith("» .")
        || text.endsWith("».")
        || isHeadlineLike(text);
  }

  /**
   * A picture caption: "(pictured)", "(left)", "(centre)"… ("Bishop John Folda (pictured) of…"), a
   * bracketed or "Pictured …" line, or a short label before a colon ("Campaign: Magic Johnson
   * has…").
   */
  private static boolean isCaption(String text, String lower) {
    return (lower.indexOf('(') >= 0 && PICTURE_PLACE.matcher(lower).find())
        || lower.startsWith("pictured")
        || (lower.startsWith("(") && lower.endsWith(")"))
        || lower.contains("caption")
        || (text.indexOf(':') > 0 && CAPTION_LABEL.matcher(text).find());
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
