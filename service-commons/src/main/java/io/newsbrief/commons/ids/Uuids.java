package io.newsbrief.commons.ids;

import io.newsbrief.commons.error.InvalidArgumentException;
import java.util.Optional;
import java.util.UUID;

/** UUIDs read strictly: only the canonical 36-character form ({@link UUID#fromString} is lax). */
public final class Uuids {

  private static final int CANONICAL_LENGTH = 36;

  private Uuids() {}

  public static Optional<UUID> parseCanonical(String value) {
    if (value.length() != CANONICAL_LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * @throws InvalidArgumentException on {@code field} when the value is not a canonical UUID
   */
  public static UUID parse(String field, String value) {
    return parseCanonical(value)
        .orElseThrow(() -> new InvalidArgumentException(field, "must be a UUID"));
  }
}
