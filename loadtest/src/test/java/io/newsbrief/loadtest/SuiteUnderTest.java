package io.newsbrief.loadtest;

import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import io.newsbrief.launcher.SuiteSettings;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every test here: the packaged services on embedded PostgreSQL, started once for the
 * test class and stopped after it. Each class has its own state directory under {@code
 * loadtest/target/} and its own ports, so none disturbs another or a developer's suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SuiteUnderTest {

  static final Path ROOT =
      Path.of(System.getProperty("newsbrief.root", "..")).toAbsolutePath().normalize();

  final SuiteSettings settings;
  LocalSuite suite;

  /** The gateway, writing with the suite's API key. */
  GatewayClient gateway;

  private DatabaseDigest digest;

  /**
   * @param slot 1, 2, 3…: PostgreSQL on 15530 + slot, the services on their ports + slot × 1000 +
   *     10000. All below the kernel's ephemeral range (32768 and up), where any outgoing connection
   *     may hold the port when the suite starts.
   */
  SuiteUnderTest(String name, int slot) {
    settings =
        new SuiteSettings(
            ROOT, ROOT.resolve("loadtest/target/" + name), 15530 + slot, 10000 + slot * 1000);
  }

  /** Settings before the suite starts (overrides, lifted limits); none by default. */
  void configure(LocalSuite suite) throws Exception {}

  /** Work once the suite is up (seed articles, replicas); none by default. */
  void started() throws Exception {}

  /** The digest of the suite's databases, opened on first use and closed with the suite. */
  DatabaseDigest digest() throws SQLException {
    if (digest == null) {
      digest = new DatabaseDigest(suite);
    }
    return digest;
  }

  @BeforeAll
  final void startSuite() throws Exception {
    suite = new LocalSuite(settings);
    configure(suite);
    suite.start(true);
    gateway = new GatewayClient(suite.baseUrl(ServiceSpec.GATEWAY), LocalSuite.LOCAL_API_KEY);
    started();
  }

  @AfterAll
  final void stopSuite() throws Exception {
    if (digest != null) {
      digest.close();
    }
    if (suite != null) {
      suite.close();
    }
  }
}
