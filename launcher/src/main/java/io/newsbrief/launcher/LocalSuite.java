package io.newsbrief.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the suite on this machine: one embedded PostgreSQL (data kept in {@code .local/postgres},
 * wiped by {@code --fresh}) with a database per service, then every service from its packaged jar,
 * each on its own port, logging to {@code .local/logs}. Ctrl-C stops everything.
 */
final class LocalSuite {

  static final int POSTGRES_PORT = 55432;

  /** The gateway's write key on this machine only; the gateway is given its SHA-256. */
  static final String LOCAL_API_KEY = "local-dev-key";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final Path root;
  private final Path stateDir;
  private final List<Process> processes = new ArrayList<>();
  private EmbeddedPostgres postgres;

  /** Held for the launcher's lifetime; the OS releases it when the process ends. */
  private FileLock stateLock;

  private LocalSuite(Path root) {
    this.root = root;
    this.stateDir = root.resolve(".local");
  }

  static int run(String[] args) throws Exception {
    boolean fresh = List.of(args).contains("--fresh");
    LocalSuite suite = new LocalSuite(Path.of("").toAbsolutePath());
    try {
      return suite.start(fresh);
    } catch (LaunchException e) {
      System.err.println("newsbrief: " + e.getMessage());
      suite.stop();
      return 1;
    }
  }

  private int start(boolean fresh) throws Exception {
    for (ServiceSpec service : ServiceSpec.SUITE) {
      if (!Files.isRegularFile(service.jar(root))) {
        throw new LaunchException(
            service.name()
                + " is not built ("
                + root.relativize(service.jar(root))
                + " is missing): run ./mvnw package -Plocal");
      }
    }
    Files.createDirectories(stateDir.resolve("logs"));
    stateLock = lockStateDir();
    checkPortFree(POSTGRES_PORT, "PostgreSQL");
    ServiceSpec.SUITE.forEach(service -> checkPortFree(service.port(), service.name()));

    Path dataDir = stateDir.resolve("postgres");
    if (fresh) {
      deleteRecursively(dataDir);
      System.out.println("newsbrief: --fresh: wiped " + root.relativize(dataDir));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "newsbrief-shutdown"));
    startPostgres(dataDir);
    for (ServiceSpec service : ServiceSpec.SUITE) {
      startService(service);
    }
    for (int i = 0; i < ServiceSpec.SUITE.size(); i++) {
      awaitReady(ServiceSpec.SUITE.get(i), processes.get(i));
    }
    printBanner();
    new CountDownLatch(1).await(); // until Ctrl-C runs the shutdown hook
    return 0;
  }

  private FileLock lockStateDir() throws IOException {
    FileChannel channel =
        FileChannel.open(
            stateDir.resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      throw new LaunchException(
          "another launcher is running on " + root.relativize(stateDir) + " (stop it first)");
    }
    return lock;
  }

  private static void checkPortFree(int port, String user) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new LaunchException(
          "port " + port + " (" + user + ") is already in use: stop what holds it and retry");
    }
  }

  private void startPostgres(Path dataDir) throws IOException, SQLException {
    System.out.println(
        "newsbrief: starting PostgreSQL on port "
            + POSTGRES_PORT
            + ", data in "
            + root.relativize(dataDir));
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPort(POSTGRES_PORT)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              // The data is kept between runs: keep it crash-safe (the library turns fsync off).
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setPGStartupWait(Duration.ofSeconds(30))
              .start();
    } catch (IOException | IllegalStateException e) {
      throw new LaunchException(
          "PostgreSQL did not start (" + e.getMessage() + "); try again with --fresh");
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        Statement create = connection.createStatement()) {
      for (ServiceSpec service : ServiceSpec.SUITE) {
        if (!service.hasDatabase()) {
          continue;
        }
        exists.setString(1, service.database());
        try (ResultSet row = exists.executeQuery()) {
          if (!row.next()) {
            create.execute("CREATE DATABASE " + service.database());
          }
        }
      }
    }
  }

  private void startService(ServiceSpec service) throws IOException {
    Path log = stateDir.resolve("logs").resolve(service.name() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                service.jar(root).toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
    for (ServiceSpec other : ServiceSpec.SUITE) {
      if (other.grpcClientName() != null) {
        String prefix = "QUARKUS_GRPC_CLIENTS_" + other.grpcClientName().toUpperCase() + "_";
        env.put(prefix + "HOST", "localhost");
        env.put(prefix + "PORT", Integer.toString(other.port()));
      }
    }
    env.put("NEWSBRIEF_GATEWAY_API_KEY_HASHES", sha256Hex(LOCAL_API_KEY));
    if (service.hasDatabase()) {
      env.put(
          "QUARKUS_DATASOURCE_JDBC_URL",
          "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/" + service.database());
      env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
      env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    }
    System.out.println(
        "newsbrief: starting "
            + service.name()
            + " on port "
            + service.port()
            + ", log in "
            + root.relativize(log));
    processes.add(builder.start());
  }

  private void awaitReady(ServiceSpec service, Process process) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new LaunchException(
            service.name()
                + " exited with code "
                + process.exitValue()
                + ": see .local/logs/"
                + service.name()
                + ".log");
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new LaunchException(
        service.name()
            + " was not ready within "
            + READY_TIMEOUT.toSeconds()
            + " s: see .local/logs/"
            + service.name()
            + ".log");
  }

  private void printBanner() {
    StringBuilder banner = new StringBuilder("\nnewsbrief: the suite is up (Ctrl-C stops it)\n\n");
    banner.append(String.format("  %-16s %-24s %s%n", "service", "HTTP + gRPC", "health"));
    for (ServiceSpec service : ServiceSpec.SUITE) {
      banner.append(
          String.format(
              "  %-16s %-24s %s%n",
              service.name(),
              "localhost:" + service.port(),
              "http://localhost:" + service.port() + "/q/health/ready"));
    }
    banner.append(
        String.format(
            "  %-16s %-24s %s%n",
            "postgresql",
            "localhost:" + POSTGRES_PORT,
            "user postgres, databases articles, summaries"));
    banner.append("\n  API key for writes: ").append(LOCAL_API_KEY).append('\n');
    banner.append(
        "  try: curl -s localhost:8080/api/v1/briefs   (OpenAPI UI: http://localhost:8080/q/swagger-ui)\n");
    System.out.println(banner);
  }

  /** Stops the services (SIGTERM, then kill after 15 s) and then PostgreSQL. Idempotent. */
  private synchronized void stop() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    if (postgres != null) {
      try {
        postgres.close();
        System.out.println("newsbrief: stopped");
      } catch (IOException | RuntimeException e) {
        System.err.println("newsbrief: PostgreSQL stop reported: " + e.getMessage());
      }
      postgres = null;
    }
  }

  private static String sha256Hex(String value) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(LocalSuite::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A start-up problem with a message for the person at the terminal. */
  static final class LaunchException extends RuntimeException {
    LaunchException(String message) {
      super(message);
    }
  }
}
