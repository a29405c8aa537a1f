package io.newsbrief.article.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 2xx or 304 answer. {@code finalUrl} is where redirects ended; the validators are what to send
 * back on the next conditional GET; {@code freshFor} is how long the server says the answer stays
 * fresh ({@link PollHints#freshness}), zero when it says nothing.
 */
public record FetchResult(
    int status,
    URI finalUrl,
    String contentType,
    String etag,
    String lastModified,
    Duration freshFor,
    byte[] body) {

  private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)");

  public boolean notModified() {
    return status == 304;
  }

  /** The body as text, in the charset the answer declared (UTF-8 when it did not). */
  public String text() {
    return new String(body, declaredCharset());
  }

  private Charset declaredCharset() {
    Matcher matcher = CHARSET.matcher(contentType.toLowerCase(Locale.ROOT));
    if (matcher.find()) {
      try {
        return Charset.forName(matcher.group(1));
      } catch (IllegalArgumentException e) {
        // an unknown charset reads as UTF-8
      }
    }
    return StandardCharsets.UTF_8;
  }
}
