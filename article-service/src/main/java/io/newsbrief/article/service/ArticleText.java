package io.newsbrief.article.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Plain article text in its one stored form: NFC, no control characters, trimmed lines, paragraphs
 * separated by exactly one blank line. Hash and word count are taken from that form, so the same
 * story pasted twice with different spacing hashes the same.
 */
public final class ArticleText {

  private static final Pattern CONTROL =
      Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}&&[^\\u200d]]|\\p{Cs}");
  private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\p{Zs}]+");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
  private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-.][\\p{L}\\p{N}]+)*");

  private ArticleText() {}

  public static String normalize(String raw) {
    String text =
        Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
    text = CONTROL.matcher(text).replaceAll("");
    text = HORIZONTAL_SPACE.matcher(text).replaceAll(" ");
    StringBuilder normalized = new StringBuilder(text.length());
    for (String paragraph : PARAGRAPH_BREAK.split(text)) {
      String joined = LINE_BREAK.matcher(paragraph.strip()).replaceAll("\n");
      if (!joined.isEmpty()) {
        if (normalized.length() > 0) {
          normalized.append("\n\n");
        }
        normalized.append(joined);
      }
    }
    return normalized.toString();
  }

  /** A single-line field (title, byline, source): collapsed whitespace, no control characters. */
  public static String normalizeLine(String raw) {
    String line = Normalizer.normalize(raw, Normalizer.Form.NFC);
    line = CONTROL.matcher(line).replaceAll("");
    return WHITESPACE.matcher(line).replaceAll(" ").strip();
  }

  public static int wordCount(String text) {
    return (int) WORD.matcher(text).results().count();
  }

  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
