package io.newsbrief.launcher;

import java.nio.file.Path;

/**
 * Suites for the tests that start the packaged services: each test class gets its own state
 * directory under {@code launcher/target/} and its own ports, so none disturbs another or a
 * developer's suite.
 */
final class TestSuites {

  static final Path ROOT = Path.of(System.getProperty("newsbrief.root", "..")).toAbsolutePath();

  private TestSuites() {}

  /**
   * @param slot 1, 2, 3…: PostgreSQL on 55530 + slot, the services on their ports + slot × 1000 +
   *     20000
   */
  static SuiteSettings settings(String name, int slot) {
    return new SuiteSettings(
        ROOT, ROOT.resolve("launcher/target/" + name), 55530 + slot, 20000 + slot * 1000);
  }

  /** A suite whose gateway takes writes as fast as a test sends them. */
  static LocalSuite withoutWriteLimits(SuiteSettings settings) {
    LocalSuite suite = new LocalSuite(settings);
    suite.liftWriteLimits();
    return suite;
  }
}
