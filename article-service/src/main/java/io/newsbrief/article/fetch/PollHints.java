package io.newsbrief.article.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an HTTP answer says about when to ask again: how long it stays fresh (Cache-Control max-age,
 * else Expires) and how long to wait after a refusal (Retry-After). Zero when it says nothing, says
 * it in a form that cannot be read, or forbids caching.
 */
public final class PollHints {

  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)");
  private static final Pattern NO_CACHE = Pattern.compile("(?:^|[,\\s])(no-cache|no-store)\\b");

  private PollHints() {}

  /**
   * The freshness lifetime (RFC 9111 §4.2.1): max-age wins over Expires, which counts from the
   * answer's Date (or {@code now} without one).
   */
  public static Duration freshness(String cacheControl, String expires, String date, Instant now) {
    if (cacheControl != null) {
      String directives = cacheControl.toLowerCase(Locale.ROOT);
      if (NO_CACHE.matcher(directives).find()) {
        return Duration.ZERO;
      }
      Matcher maxAge = MAX_AGE.matcher(directives);
      if (maxAge.find()) {
        return seconds(maxAge.group(1));
      }
    }
    Instant expiresAt = httpDate(expires);
    if (expiresAt == null) {
      return Duration.ZERO;
    }
    Instant sent = httpDate(date);
    return positive(Duration.between(sent == null ? now : sent, expiresAt));
  }

  /** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */
  public static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Duration.ZERO;
    }
    String trimmed = value.strip();
    if (trimmed.chars().allMatch(Character::isDigit)) {
      return seconds(trimmed);
    }
    Instant at = httpDate(trimmed);
    return at == null ? Duration.ZERO : positive(Duration.between(now, at));
  }

  private static Duration seconds(String digits) {
    try {
      return Duration.ofSeconds(Long.parseLong(digits));
    } catch (NumberFormatException tooLong) {
      return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
    }
  }

  private static Instant httpDate(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null; // e.g. "Expires: 0", which means "already expired"
    }
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
