package io.newsbrief.article.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollHintsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void maxAgeWinsOverExpiresAndNoCacheMeansNothing() {
    assertThat(PollHints.freshness("public, max-age=600", null, null, NOW))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(PollHints.freshness("MAX-AGE=\"60\"", null, null, NOW))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(
            PollHints.freshness(
                "max-age=60",
                "Mon, 30 Nov 2026 18:00:00 GMT",
                "Mon, 30 Nov 2026 12:00:00 GMT",
                NOW))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(PollHints.freshness("no-cache, max-age=600", null, null, NOW)).isZero();
    assertThat(PollHints.freshness("s-maxage=600", null, null, NOW)).isZero();
    assertThat(PollHints.freshness(null, null, null, NOW)).isZero();
  }

  @Test
  void expiresCountsFromTheAnswersDateOrElseFromNow() {
    assertThat(
            PollHints.freshness(
                null, "Mon, 30 Nov 2026 14:00:00 GMT", "Mon, 30 Nov 2026 13:00:00 GMT", NOW))
        .isEqualTo(Duration.ofHours(1));
    assertThat(PollHints.freshness(null, "Mon, 30 Nov 2026 15:00:00 GMT", null, NOW))
        .isEqualTo(Duration.ofHours(3));
    assertThat(PollHints.freshness(null, "0", null, NOW)).isZero();
    assertThat(PollHints.freshness(null, "Mon, 30 Nov 2026 11:00:00 GMT", null, NOW)).isZero();
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertThat(PollHints.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
    assertThat(PollHints.retryAfter(" Mon, 30 Nov 2026 13:30:00 GMT ", NOW))
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(PollHints.retryAfter("Mon, 30 Nov 2026 11:00:00 GMT", NOW)).isZero();
    assertThat(PollHints.retryAfter("soon", NOW)).isZero();
    assertThat(PollHints.retryAfter("-5", NOW)).isZero();
    assertThat(PollHints.retryAfter(null, NOW)).isZero();
    assertThat(PollHints.retryAfter("99999999999999999999999", NOW)).isPositive();
  }
}
