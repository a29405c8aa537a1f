package io.newsbrief.commons.text;

import io.newsbrief.commons.error.InvalidArgumentException;

/**
 * The check every string a caller sends passes before it can reach a query: no control characters
 * (tab, line feed and carriage return aside) and no lone UTF-16 surrogates. PostgreSQL refuses a
 * NUL in text, and a refusal from the database must never look like the database failing.
 */
public final class PlainText {

  private PlainText() {}

  /**
   * @return {@code value}, unchanged
   * @throws InvalidArgumentException on {@code field} when the value has a control character or a
   *     lone surrogate
   */
  public static String checked(String field, String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw new InvalidArgumentException(
            field, String.format("must not contain control characters (U+%04X)", (int) c));
      }
      if (Character.isHighSurrogate(c)
          && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))) {
        throw new InvalidArgumentException(field, "must be valid Unicode (a lone surrogate)");
      }
      if (Character.isLowSurrogate(c)
          && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
        throw new InvalidArgumentException(field, "must be valid Unicode (a lone surrogate)");
      }
    }
    return value;
  }
}
