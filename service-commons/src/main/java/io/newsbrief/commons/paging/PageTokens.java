package io.newsbrief.commons.paging;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.ids.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque page tokens for keyset pagination: the position after which the next page starts, plus a
 * fingerprint of the query it belongs to, so a token replayed with other filters is refused instead
 * of silently skipping rows.
 */
public final class PageTokens {

  private static final String VERSION = "1";
  private static final String SEPARATOR = "\n";
  private static final String NOT_OURS = "is not a token issued by this service";

  private PageTokens() {}

  public static String encode(String queryFingerprint, String... keys) {
    return encode(queryFingerprint, List.of(keys));
  }

  public static String encode(String queryFingerprint, List<String> keys) {
    StringBuilder token =
        new StringBuilder(VERSION).append(SEPARATOR).append(hash(queryFingerprint));
    for (String key : keys) {
      token.append(SEPARATOR).append(key);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @return the keys
   * @throws InvalidArgumentException on field {@code page_token} when the token is malformed or was
   *     issued for another query
   */
  public static Keys decode(String token, String queryFingerprint, int keyCount) {
    return decode("page_token", token, queryFingerprint, keyCount);
  }

  /** {@link #decode(String, String, int)} for a token passed in another request field. */
  public static Keys decode(String field, String token, String queryFingerprint, int keyCount) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(field, NOT_OURS);
    }
    List<String> parts = Arrays.asList(decoded.split(SEPARATOR, -1));
    if (parts.size() != keyCount + 2 || !parts.get(0).equals(VERSION)) {
      throw invalid(field, NOT_OURS);
    }
    if (!parts.get(1).equals(hash(queryFingerprint))) {
      throw invalid(field, "belongs to a request with other filters");
    }
    return new Keys(field, parts.subList(2, parts.size()));
  }

  private static InvalidArgumentException invalid(String field, String description) {
    return new InvalidArgumentException(field, description);
  }

  private static String hash(String queryFingerprint) {
    return Integer.toHexString(queryFingerprint.hashCode());
  }

  /** The keys of a decoded token, parsed strictly: a tampered key is an invalid token. */
  public record Keys(String field, List<String> values) {

    public Instant instant(int index) {
      try {
        return Instant.parse(values.get(index));
      } catch (DateTimeException e) {
        throw invalid(field, NOT_OURS);
      }
    }

    public UUID uuid(int index) {
      return Uuids.parseCanonical(values.get(index)).orElseThrow(() -> invalid(field, NOT_OURS));
    }

    public long number(int index) {
      try {
        return Long.parseLong(values.get(index));
      } catch (NumberFormatException e) {
        throw invalid(field, NOT_OURS);
      }
    }

    /** A float stored with {@link #floatKey}, bit for bit. */
    public float exactFloat(int index) {
      try {
        return Float.intBitsToFloat(Integer.parseInt(values.get(index)));
      } catch (NumberFormatException e) {
        throw invalid(field, NOT_OURS);
      }
    }
  }

  /** A float as a key that decodes to exactly the same value. */
  public static String floatKey(float value) {
    return Integer.toString(Float.floatToIntBits(value));
  }
}
