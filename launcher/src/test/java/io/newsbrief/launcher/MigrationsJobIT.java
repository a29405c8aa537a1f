package io.newsbrief.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The migration scheme of k8s/base/migrations.yaml on the packaged jars: a pod that only validates
 * refuses to start on a schema with pending migrations; the Job's settings migrate and exit 0;
 * afterwards the validating pod starts and is ready.
 */
class MigrationsJobIT {

  private static final int POSTGRES_PORT = 15529;
  private static final int SERVICE_PORT = 29181;
  private static final Path LOGS = EndToEndIT.ROOT.resolve("launcher/target/migrations");
  private static final Map<String, String> DEPLOYMENT =
      Map.of(
          "QUARKUS_FLYWAY_MIGRATE_AT_START", "false", "QUARKUS_FLYWAY_VALIDATE_AT_START", "true");
  private static final Map<String, String> JOB =
      Map.of(
          "QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
          "QUARKUS_FLYWAY_VALIDATE_AT_START", "false",
          "QUARKUS_INIT_AND_EXIT", "true");

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    Files.createDirectories(LOGS);
    postgres = EmbeddedPostgres.builder().setPort(POSTGRES_PORT).start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"article-service", "summary-service"})
  void onlyTheJobMigratesAndPodsWaitForIt(String name) throws Exception {
    ServiceSpec service =
        ServiceSpec.SUITE.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + service.database());
    }

    Process early = start(service, "early-pod", DEPLOYMENT);
    assertThat(early.waitFor(60, TimeUnit.SECONDS)).as("a validating pod gives up").isTrue();
    assertThat(early.exitValue()).as("exit code of a pod started before its migration").isNotZero();
    assertThat(appliedMigrations(service)).as("the pod migrated nothing").isZero();

    Process job = start(service, "job", JOB);
    assertThat(job.waitFor(60, TimeUnit.SECONDS)).as("the Job ends by itself").isTrue();
    assertThat(job.exitValue()).as("the Job's exit code").isZero();
    int applied = appliedMigrations(service);
    assertThat(applied).isPositive();
    System.out.printf("RELIABILITY migrations Job for %s: %d migrations, exit 0%n", name, applied);

    Process pod = start(service, "pod", DEPLOYMENT);
    try {
      assertThat(readyWithin(pod, Duration.ofSeconds(60))).as("ready after the migration").isTrue();
    } finally {
      pod.destroy();
      pod.waitFor(40, TimeUnit.SECONDS);
    }
  }

  private static Process start(ServiceSpec service, String role, Map<String, String> settings)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                service.command(EndToEndIT.ROOT, SuiteSettings.nativeRequested(), Map.of()))
            .redirectErrorStream(true)
            .redirectOutput(LOGS.resolve(service.name() + "-" + role + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(SERVICE_PORT));
    env.put(
        "QUARKUS_DATASOURCE_JDBC_URL",
        "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/" + service.database());
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    env.putAll(settings);
    return builder.start();
  }

  private static int appliedMigrations(ServiceSpec service) throws SQLException {
    try (Connection connection =
            postgres.getDatabase("postgres", service.database()).getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return 0;
        }
      }
      try (ResultSet count =
          statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
        count.next();
        return count.getInt(1);
      }
    }
  }

  private static boolean readyWithin(Process process, Duration timeout)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + SERVICE_PORT + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    return false;
  }
}
