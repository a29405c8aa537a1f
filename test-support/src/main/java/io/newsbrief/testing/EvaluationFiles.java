package io.newsbrief.testing;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files an evaluation command reads and writes. The commands run as tests, in the module's
 * directory, but are run from the project root: a relative path given on the command line is read
 * from the directory Maven was started in ({@code newsbrief.invoked-from}, set by the build), as
 * whoever typed it means it.
 */
public final class EvaluationFiles {

  private EvaluationFiles() {}

  /**
   * The file named by system property {@code property}, or else {@code defaultFile} (relative to
   * the module) if it exists; empty when neither is given and the default is absent (the command
   * says it is skipped).
   *
   * @throws UncheckedIOException when a named file cannot be read: a mistyped name fails, it is
   *     never skipped in silence
   */
  public static Optional<Path> input(String property, String defaultFile) {
    return input(System.getProperty(property, ""), invokedFrom(), Path.of(defaultFile));
  }

  /** The file named by system property {@code property}, if one is. */
  public static Optional<Path> output(String property) {
    return output(System.getProperty(property, ""), invokedFrom());
  }

  static Optional<Path> input(String given, Path invokedFrom, Path defaultFile) {
    if (given.isBlank()) {
      return Files.isReadable(defaultFile) ? Optional.of(defaultFile) : Optional.empty();
    }
    Path file = invokedFrom.resolve(given.strip());
    if (!Files.isReadable(file)) {
      throw new UncheckedIOException(
          new NoSuchFileException(file.toAbsolutePath().toString(), null, "cannot be read"));
    }
    return Optional.of(file);
  }

  static Optional<Path> output(String given, Path invokedFrom) {
    return given.isBlank() ? Optional.empty() : Optional.of(invokedFrom.resolve(given.strip()));
  }

  private static Path invokedFrom() {
    return Path.of(System.getProperty("newsbrief.invoked-from", ""));
  }
}
