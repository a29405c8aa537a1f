package io.newsbrief.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The soak, shortened for CI: a minute of steady mixed load through the gateway with no failed
 * request, no heap growth after GC beyond the bound and no pool connection left checked out (a
 * leak). The documented five-minute run is {@code java -jar launcher/target/newsbrief-local.jar
 * soak}.
 */
class SteadyLoadIT {

  static final Duration DURATION = Duration.ofSeconds(Long.getLong("newsbrief.soak.seconds", 60));
  static final int PER_SECOND = 40;

  @Test
  void aMinuteOfSteadyMixedLoadFailsNothingAndGrowsNothing() throws Exception {
    try (LocalSuite suite = TestSuites.withoutWriteLimits(TestSuites.settings("steady-load", 5))) {
      suite.start(true);
      SoakCommand.Verdict verdict = new SoakCommand(suite).soak(DURATION, PER_SECOND);
      System.out.println("RELIABILITY steady load:\n" + verdict.markdown());
      assertThat(verdict.requests())
          .isGreaterThanOrEqualTo(DURATION.toSeconds() * PER_SECOND * 9 / 10);
      assertThat(verdict.problems()).isEmpty();
    }
  }
}
