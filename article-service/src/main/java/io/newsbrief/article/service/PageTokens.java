package io.newsbrief.article.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page tokens: a keyset position plus a fingerprint of the query it belongs to, so a token
 * replayed with other filters is refused instead of silently skipping rows.
 */
final class PageTokens {

  private static final String VERSION = "1";
  private static final char SEPARATOR = '\n';

  private PageTokens() {}

  static String encode(String queryFingerprint, String... keys) {
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
   * @return the keys, or throws when the token is malformed or was issued for another query
   */
  static List<String> decode(String token, String queryFingerprint, int keyCount) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("is not a token issued by this service");
    }
    List<String> parts = Arrays.asList(decoded.split(String.valueOf(SEPARATOR), -1));
    if (parts.size() != keyCount + 2 || !parts.get(0).equals(VERSION)) {
      throw invalid("is not a token issued by this service");
    }
    if (!parts.get(1).equals(hash(queryFingerprint))) {
      throw invalid("belongs to a request with other filters");
    }
    return parts.subList(2, parts.size());
  }

  static InvalidArgumentException invalid(String description) {
    return new InvalidArgumentException("page_token", description);
  }

  private static String hash(String queryFingerprint) {
    return Integer.toHexString(queryFingerprint.hashCode());
  }
}
