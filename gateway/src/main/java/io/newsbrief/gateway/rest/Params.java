package io.newsbrief.gateway.rest;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.ids.Uuids;
import io.newsbrief.commons.text.PlainText;

/** Query and path parameters, checked before any downstream call. */
public final class Params {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_CURSOR_LENGTH = 1024;
  static final int MAX_QUERY_LENGTH = 500;
  static final int MAX_FILTER_LENGTH = 200;

  private Params() {}

  public static String id(String value) {
    return Uuids.parse("id", value).toString();
  }

  static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidArgumentException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  public static String cursor(String value) {
    return bounded("cursor", value, MAX_CURSOR_LENGTH);
  }

  /** A delta-sync token passed as {@code name}, or null for none. */
  static String syncToken(String name, String value) {
    return bounded(name, value, MAX_CURSOR_LENGTH);
  }

  static String query(String value) {
    return bounded("q", value, MAX_QUERY_LENGTH);
  }

  static String filter(String name, String value) {
    return bounded(name, value, MAX_FILTER_LENGTH);
  }

  /** One of the named views; the first when absent. */
  static String view(String value, String... views) {
    if (value == null || value.isBlank()) {
      return views[0];
    }
    for (String view : views) {
      if (view.equals(value.strip())) {
        return view;
      }
    }
    throw new InvalidArgumentException("view", "must be one of " + String.join(", ", views));
  }

  private static String bounded(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw new InvalidArgumentException(name, "must be at most " + max + " characters");
    }
    return PlainText.checked(name, value).strip();
  }
}
