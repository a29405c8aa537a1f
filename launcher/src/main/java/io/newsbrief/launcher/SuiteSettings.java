package io.newsbrief.launcher;

import java.nio.file.Path;

/**
 * Where a suite runs: the project root (with the built services), the state directory (PostgreSQL
 * data, logs, lock), PostgreSQL's port, an offset added to every service's port so that a test
 * suite can run beside a developer's, and whether the services run as native executables.
 */
public record SuiteSettings(
    Path root, Path stateDir, int postgresPort, int portOffset, boolean nativeExecutables) {

  public static final int POSTGRES_PORT = 55432;

  /**
   * Native executables when the system property {@code newsbrief.native} is true (the build sets it
   * for the tests with {@code -Dnative}; {@code up --native} sets it).
   */
  public SuiteSettings(Path root, Path stateDir, int postgresPort, int portOffset) {
    this(root, stateDir, postgresPort, portOffset, nativeRequested());
  }

  /** Whether this JVM was asked to run native executables ({@code -Dnewsbrief.native=true}). */
  public static boolean nativeRequested() {
    return Boolean.getBoolean("newsbrief.native");
  }

  /** Whether {@code service} runs as its native executable here (the baseline never does). */
  public boolean runsNative(ServiceSpec service) {
    return nativeExecutables && service.buildsNative();
  }

  /** The developer's suite: {@code .local/} in the project, the documented ports. */
  public static SuiteSettings local(Path root) {
    return new SuiteSettings(root, root.resolve(".local"), POSTGRES_PORT, 0);
  }

  public int port(ServiceSpec service) {
    return service.basePort() + portOffset;
  }

  public Path log(ServiceSpec service) {
    return stateDir.resolve("logs").resolve(service.name() + ".log");
  }
}
