package io.newsbrief.loadtest;

import com.google.gson.JsonPrimitive;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random and hostile values from one seeded {@link Random}, so a campaign is the same on every run:
 * injection-shaped, markup, control and odd Unicode strings, oversized ones, edge numbers, ids that
 * almost parse, and protobuf messages of any type filled with them.
 *
 * <p>jqwik would be the usual tool; its 1.10 releases ask not to be used by coding agents and run
 * on JUnit Platform 1, while Quarkus 3.33 brings JUnit 6, so the campaign draws from this seeded
 * generator instead (fixed seed, bounded count, the failing input printed).
 */
final class HostileInput {

  static final List<String> CATALOGUE =
      List.of(
          "",
          " ",
          "\t\n\r",
          "'; DROP TABLE article; --",
          "' OR '1'='1",
          "1; SELECT pg_sleep(10)",
          "\\'); DELETE FROM brief_job; --",
          "$$; TRUNCATE feed; $$",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(1)",
          "{{7*7}}${7*7}",
          "%00",
          "\u0000",
          "a\u0000b",
          "\u0001",
          "\u001b[2J",
          "\u007f",
          "\uD800",
          "x\uDC00y",
          "\u202Egnp.exe",
          "e\u0301\u0301\u0301",
          "😀👩‍👩‍👧‍👦",
          "\uFEFF",
          "..%2F..%2Fetc%2Fpasswd",
          "../../etc/passwd",
          "http://169.254.169.254/latest/meta-data/",
          "file:///etc/passwd",
          "-1",
          "0",
          "2147483648",
          "-9223372036854775809",
          "NaN",
          "1e309",
          "null",
          "true",
          "{}",
          "[]",
          "\"",
          "\\",
          "00000000-0000-0000-0000-000000000000",
          "9c9397ad-b691-4ea0-8df0-8ef1f1980da6x",
          "9C9397AD-B691-4EA0-8DF0-8EF1F1980DA6",
          "Zm9vYmFy",
          "a".repeat(10_000),
          "ü".repeat(70_000));

  private final Random random;

  HostileInput(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A string: from the catalogue, random code points, or random UTF-8 bytes decoded. */
  String string() {
    return switch (random.nextInt(4)) {
      case 0, 1 -> pick(CATALOGUE);
      case 2 -> codePoints(random.nextInt(80));
      default -> {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        yield new String(bytes, StandardCharsets.UTF_8);
      }
    };
  }

  /** Something in an id's place: a random UUID (never stored), an almost-UUID, or any string. */
  String id() {
    return random.nextBoolean() ? UUID.nameUUIDFromBytes(bytes(8)).toString() : string();
  }

  /** A JSON value of any type, often not the one the field wants. */
  String jsonValue() {
    return switch (random.nextInt(7)) {
      case 0 -> "null";
      case 1 -> Long.toString(random.nextLong());
      case 2 -> random.nextBoolean() ? "true" : "1e999";
      case 3 -> "[" + quoted(string()) + "]";
      case 4 -> "{\"x\":" + quoted(string()) + "}";
      default -> quoted(string());
    };
  }

  /** A protobuf message of the given type with random fields set (depth-limited). */
  DynamicMessage message(Descriptor type) {
    return message(type, 0);
  }

  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private DynamicMessage message(Descriptor type, int depth) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    for (FieldDescriptor field : type.getFields()) {
      if (random.nextInt(3) == 0
          || (depth > 2 && field.getType() == FieldDescriptor.Type.MESSAGE)) {
        continue;
      }
      if (field.isRepeated()) {
        int count = random.nextInt(20) == 0 ? 2_000 : random.nextInt(4);
        for (int i = 0; i < count; i++) {
          builder.addRepeatedField(field, value(field, depth));
        }
      } else if (field.getRealContainingOneof() == null
          || !builder.hasOneof(field.getRealContainingOneof())) {
        builder.setField(field, value(field, depth));
      }
    }
    return builder.build();
  }

  private Object value(FieldDescriptor field, int depth) {
    return switch (field.getJavaType()) {
      case STRING -> field.getName().endsWith("id") && random.nextBoolean() ? id() : string();
      case INT -> pick(List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt()));
      case LONG -> pick(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong()));
      case FLOAT -> pick(List.of(Float.NaN, -1f, Float.POSITIVE_INFINITY, random.nextFloat()));
      case DOUBLE -> pick(List.of(Double.NaN, -1d, Double.NEGATIVE_INFINITY, random.nextDouble()));
      case BOOLEAN -> random.nextBoolean();
      case BYTE_STRING -> ByteString.copyFrom(bytes(random.nextInt(100)));
      case ENUM -> field.getEnumType().findValueByNumberCreatingIfUnknown(random.nextInt(8) - 1);
      case MESSAGE -> message(field.getMessageType(), depth + 1);
    };
  }

  private String codePoints(int count) {
    StringBuilder text = new StringBuilder();
    while (text.length() < count) {
      int codePoint = random.nextInt(0x30000);
      if (Character.isValidCodePoint(codePoint)
          && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }

  private static String quoted(String value) {
    return new JsonPrimitive(value).toString();
  }
}
