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
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The suite on this machine: one embedded PostgreSQL (data kept in the state directory, wiped by
 * {@code fresh}) with a database per service, then every service from its packaged jar, each on its
 * own port and logging to the state directory's {@code logs/}. {@link #close()} stops everything.
 */
public final class LocalSuite implements AutoCloseable {

  /** The gateway's write key on this machine only; the gateway is given its SHA-256. */
  public static final String LOCAL_API_KEY = "local-dev-key";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);
  private static final int LOG_LINES_ON_FAILURE = 15;

  private final SuiteSettings settings;
  private final Map<ServiceSpec, Process> running = new LinkedHashMap<>();
  private final Map<String, Process> replicas = new LinkedHashMap<>();
  private final Map<ServiceSpec, Map<String, String>> overrides = new LinkedHashMap<>();
  private final Map<ServiceSpec, Map<String, String>> systemProperties = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private EmbeddedPostgres postgres;
  private FileChannel lockChannel;

  public LocalSuite(SuiteSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts PostgreSQL and every service and returns once all are ready.
   *
   * @throws LaunchException with a message for the person at the terminal
   */
  public void start(boolean fresh) throws IOException, SQLException, InterruptedException {
    for (ServiceSpec service : ServiceSpec.SUITE) {
      if (!service.isBuilt(settings.root(), settings.runsNative(service))) {
        throw new LaunchException(
            settings.runsNative(service)
                ? service.name()
                    + " has no native executable in its target/: run ./mvnw package -Dnative"
                    + " -DskipTests"
                : service.name()
                    + " is not built ("
                    + service.jar(settings.root())
                    + " is missing): run ./mvnw package -Plocal");
      }
    }
    Files.createDirectories(settings.stateDir().resolve("logs"));
    lockStateDir();
    checkPortFree(settings.postgresPort(), "PostgreSQL");
    ServiceSpec.SUITE.forEach(service -> checkPortFree(settings.port(service), service.name()));

    if (fresh) {
      deleteRecursively(dataDir());
      System.out.println("newsbrief: --fresh: wiped " + dataDir());
    }
    startPostgres();
    for (ServiceSpec service : ServiceSpec.SUITE) {
      launch(service);
    }
    for (ServiceSpec service : ServiceSpec.SUITE) {
      awaitReady(service);
    }
  }

  /** Stops one service gracefully (SIGTERM, killed after a grace period). */
  public void stop(ServiceSpec service) throws InterruptedException {
    Process process = running.remove(service);
    if (process != null) {
      terminate(process);
    }
  }

  /**
   * Starts one service (again, if it runs) and returns once it is ready.
   *
   * @return how long it took from launching the JVM to a ready answer
   */
  public Duration restart(ServiceSpec service) throws IOException, InterruptedException {
    stop(service);
    long launched = System.nanoTime();
    launch(service);
    awaitReady(service);
    return Duration.ofNanos(System.nanoTime() - launched);
  }

  /**
   * Kills a service the hard way (SIGKILL): no shutdown hook, no draining of requests or jobs, as
   * when a node is lost. {@link #restart} starts it again.
   */
  public void kill(ServiceSpec service) throws InterruptedException {
    Process process = running.remove(service);
    if (process != null) {
      process.destroyForcibly().waitFor();
    }
  }

  /**
   * Starts one more instance of a service, as a scaled-out Deployment runs several: the same build
   * and environment (overrides included), then {@code extra} — its own port or address, say.
   * Returns once it is ready; {@link #stopReplica} or {@link #close} stops it.
   *
   * @param baseUrl where it answers once started (for the readiness wait)
   */
  public void startReplica(
      String name, ServiceSpec service, String baseUrl, Map<String, String> extra)
      throws IOException, InterruptedException {
    Path log = settings.stateDir().resolve("logs").resolve(name + ".log");
    Map<String, String> env = new LinkedHashMap<>(overrides.getOrDefault(service, Map.of()));
    env.putAll(extra);
    System.out.println("newsbrief: starting " + name + " at " + baseUrl + ", log in " + log);
    Process process = start(service, log, env);
    replicas.put(name, process);
    awaitReady(name, process, baseUrl, log);
  }

  /** Stops a replica gracefully (SIGTERM, as Kubernetes does; killed after a grace period). */
  public void stopReplica(String name) throws InterruptedException {
    Process process = replicas.remove(name);
    if (process != null) {
      terminate(process);
    }
  }

  /** Sends SIGTERM to a replica and returns at once: its graceful shutdown runs meanwhile. */
  public Process signalReplica(String name) {
    Process process = replicas.remove(name);
    process.destroy();
    return process;
  }

  /** Stops PostgreSQL (its data kept) while the services keep running: a database outage. */
  public void stopDatabase() throws IOException {
    postgres.close();
    postgres = null;
  }

  /** Starts PostgreSQL again on the same port and data after {@link #stopDatabase()}. */
  public void startDatabase() throws IOException, SQLException {
    startPostgres();
  }

  /**
   * Raises the gateway's write limits (from its next start) far above what one load-generating
   * client sends, so that only the measured behaviour, not the rate limit, answers.
   */
  public void liftWriteLimits() {
    override(ServiceSpec.GATEWAY, "NEWSBRIEF_GATEWAY_WRITES_PER_MINUTE_PER_KEY", "1000000");
    override(ServiceSpec.GATEWAY, "NEWSBRIEF_GATEWAY_WRITES_PER_MINUTE_PER_IP", "1000000");
  }

  /** An environment variable for a service's next start, over the suite's own. */
  public void override(ServiceSpec service, String variable, String value) {
    overrides.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(variable, value);
  }

  /** A JDK system property for a service's next start (one the JDK reads, not configuration). */
  public void systemProperty(ServiceSpec service, String key, String value) {
    systemProperties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
  }

  /** The operating-system process id of a running service. */
  public long pid(ServiceSpec service) {
    return running.get(service).pid();
  }

  /** Whether the services run as native executables rather than jars. */
  public boolean runsNativeExecutables() {
    return settings.nativeExecutables();
  }

  /** A running service's resident memory (VmRSS), in KiB. */
  public long residentKib(ServiceSpec service) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(pid(service)), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for " + service.name());
  }

  /** A connection to a service's database, for measurements and checks. */
  public Connection connect(String database) throws SQLException {
    return postgres.getDatabase("postgres", database).getConnection();
  }

  public String baseUrl(ServiceSpec service) {
    return "http://localhost:" + settings.port(service);
  }

  /** Where a service's output goes. */
  public Path logFile(ServiceSpec service) {
    return settings.log(service);
  }

  /** A service's gRPC address (it shares the HTTP port). */
  public String grpcTarget(ServiceSpec service) {
    return "localhost:" + settings.port(service);
  }

  /** Stops the services (last started first), then PostgreSQL. Idempotent. */
  @Override
  public synchronized void close() {
    replicas.values().forEach(Process::destroy);
    List<ServiceSpec> started = List.copyOf(running.keySet());
    for (int i = started.size() - 1; i >= 0; i--) {
      running.get(started.get(i)).destroy();
    }
    List<Process> all = new ArrayList<>(replicas.values());
    all.addAll(running.values());
    try {
      for (Process process : all) {
        terminate(process);
      }
    } catch (InterruptedException e) {
      all.forEach(Process::destroyForcibly);
      Thread.currentThread().interrupt();
    }
    replicas.clear();
    running.clear();
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException | RuntimeException e) {
        System.err.println("newsbrief: PostgreSQL stop reported: " + e.getMessage());
      }
      postgres = null;
    }
    if (lockChannel != null) {
      try {
        lockChannel.close(); // releases the lock
      } catch (IOException e) {
        // the OS releases it with the process anyway
      }
      lockChannel = null;
    }
  }

  private void lockStateDir() throws IOException {
    FileChannel channel =
        FileChannel.open(
            settings.stateDir().resolve("launcher.lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very JVM
    }
    if (lock == null) {
      channel.close();
      throw new LaunchException(
          "another launcher is running on " + settings.stateDir() + " (stop it first)");
    }
    lockChannel = channel;
  }

  private static void checkPortFree(int port, String user) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new LaunchException(
          "port " + port + " (" + user + ") is already in use: stop what holds it and retry");
    }
  }

  private Path dataDir() {
    return settings.stateDir().resolve("postgres");
  }

  private void startPostgres() throws IOException, SQLException {
    Path dataDir = dataDir();
    System.out.println(
        "newsbrief: starting PostgreSQL on port "
            + settings.postgresPort()
            + ", data in "
            + dataDir);
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPort(settings.postgresPort())
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

  private void launch(ServiceSpec service) throws IOException {
    System.out.println(
        "newsbrief: starting "
            + service.name()
            + " on port "
            + settings.port(service)
            + ", log in "
            + settings.log(service));
    running.put(
        service, start(service, settings.log(service), overrides.getOrDefault(service, Map.of())));
  }

  /** A service's jar with the suite's environment, then {@code extra} over it. */
  private Process start(ServiceSpec service, Path log, Map<String, String> extra)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                service.command(
                    settings.root(),
                    settings.runsNative(service),
                    systemProperties.getOrDefault(service, Map.of())))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.port(service)));
    for (ServiceSpec other : ServiceSpec.SUITE) {
      if (other.grpcClientName() != null) {
        String prefix = "QUARKUS_GRPC_CLIENTS_" + other.grpcClientName().toUpperCase() + "_";
        env.put(prefix + "HOST", "localhost");
        env.put(prefix + "PORT", Integer.toString(settings.port(other)));
      }
    }
    env.put("NEWSBRIEF_GATEWAY_API_KEY_HASHES", sha256Hex(LOCAL_API_KEY));
    // Locally a developer's own feeds may be served from this machine; deployments keep the
    // fetcher's SSRF default (no loopback).
    env.put("NEWSBRIEF_FETCH_ALLOW_LOOPBACK", "true");
    if (service.hasDatabase()) {
      env.put(
          "QUARKUS_DATASOURCE_JDBC_URL",
          "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + service.database());
      env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
      env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
    }
    env.putAll(extra);
    return builder.start();
  }

  private void awaitReady(ServiceSpec service) throws InterruptedException {
    awaitReady(service.name(), running.get(service), baseUrl(service), settings.log(service));
  }

  private void awaitReady(String name, Process process, String baseUrl, Path log)
      throws InterruptedException {
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new LaunchException(name + " exited with code " + process.exitValue() + logTail(log));
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
        name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s" + logTail(log));
  }

  private static String logTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail =
          lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size());
      return "; the end of " + log + ":\n  " + String.join("\n  ", tail);
    } catch (IOException | UncheckedIOException e) {
      return "; see " + log;
    }
  }

  private static void terminate(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  public static String sha256Hex(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
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
  public static final class LaunchException extends RuntimeException {
    LaunchException(String message) {
      super(message);
    }
  }
}
