package io.newsbrief.commons.grpc;

import com.google.protobuf.Timestamp;
import io.newsbrief.commons.error.InvalidArgumentException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * Request fields read strictly (bad values are INVALID_ARGUMENT on that field) and written back.
 */
public final class ProtoValues {

  private ProtoValues() {}

  /** A canonical 36-character UUID; {@link UUID#fromString} alone accepts shortened forms. */
  public static UUID uuid(String field, String value) {
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidArgumentException(field, "must be a UUID");
  }

  public static Instant instant(String field, Timestamp timestamp) {
    try {
      if (timestamp.getNanos() >= 0 && timestamp.getNanos() <= 999_999_999) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw new InvalidArgumentException(field, "is not a valid timestamp");
  }

  public static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
