package io.newsbrief.commons.grpc;

import com.google.protobuf.Timestamp;
import io.newsbrief.commons.error.InvalidArgumentException;
import java.time.DateTimeException;
import java.time.Instant;

/** Timestamps read strictly (a bad one is INVALID_ARGUMENT on its field) and written back. */
public final class ProtoValues {

  private ProtoValues() {}

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
