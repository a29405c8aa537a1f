package io.newsbrief.launcher;

import java.nio.file.Path;

/**
 * Where a suite runs: the project root (with the built services), the state directory (PostgreSQL
 * data, logs, lock), PostgreSQL's port, and an offset added to every service's port so that a test
 * suite can run beside a developer's.
 */
record SuiteSettings(Path root, Path stateDir, int postgresPort, int portOffset) {

  static final int POSTGRES_PORT = 55432;

  /** The developer's suite: {@code .local/} in the project, the documented ports. */
  static SuiteSettings local(Path root) {
    return new SuiteSettings(root, root.resolve(".local"), POSTGRES_PORT, 0);
  }

  int port(ServiceSpec service) {
    return service.basePort() + portOffset;
  }

  Path log(ServiceSpec service) {
    return stateDir.resolve("logs").resolve(service.name() + ".log");
  }
}
