package io.newsbrief.gateway.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the web page writes values, as {@code {value.display}} in the templates. */
@TemplateExtension
final class Display {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private Display() {}

  static String display(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }
}
