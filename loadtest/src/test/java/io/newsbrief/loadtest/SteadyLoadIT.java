package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsbrief.launcher.LocalSuite;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The soak, shortened for CI: a minute of steady mixed load through the gateway with no failed
 * request, no heap growth after GC beyond the bound and no pool connection left checked out (a
 * leak). The documented five-minute run is {@code java -jar loadtest/target/newsbrief-load.jar
 * soak}.
 */
class SteadyLoadIT extends SuiteUnderTest {

  static final Duration DURATION = Duration.ofSeconds(Long.getLong("newsbrief.soak.seconds", 60));
  static final int PER_SECOND = 40;

  SteadyLoadIT() {
    super("steady-load", 5);
  }

  @Override
  void configure(LocalSuite suite) {
    suite.liftWriteLimits();
  }

  @Test
  void aMinuteOfSteadyMixedLoadFailsNothingAndGrowsNothing() throws Exception {
    SoakCommand.Verdict verdict = new SoakCommand(suite).soak(DURATION, PER_SECOND);
    System.out.println("RELIABILITY steady load:\n" + verdict.markdown());
    assertThat(verdict.requests())
        .isGreaterThanOrEqualTo(DURATION.toSeconds() * PER_SECOND * 9 / 10);
    assertThat(verdict.problems()).isEmpty();
  }
}
