package io.newsbrief.gateway.security;

import io.newsbrief.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Checks API keys against configured SHA-256 hashes, in constant time. */
@ApplicationScoped
public class ApiKeys {

  private final List<byte[]> hashes;

  ApiKeys(GatewayConfig config) {
    this.hashes =
        config.apiKeyHashes().stream()
            .map(hash -> hash.strip().toLowerCase(Locale.ROOT))
            .filter(hash -> hash.matches("[0-9a-f]{64}"))
            .map(HexFormat.of()::parseHex)
            .toList();
  }

  public boolean isValid(String key) {
    byte[] candidate = sha256(key);
    boolean valid = false;
    for (byte[] hash : hashes) {
      // No early exit: the time taken does not tell which key, or how much of one, matched.
      valid |= MessageDigest.isEqual(hash, candidate);
    }
    return valid;
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
