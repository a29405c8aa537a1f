package io.newsbrief.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The files an evaluation command reads and writes. The commands run as tests, in the module's
 * directory, but are run from the project root: a relative path given on the command line is read
 * from the directory Maven was started in ({@code newsbrief.invoked-from}, set by the build), as
 * whoever typed it means it.
 */
public final class EvaluationFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvaluationFiles() {}

  /**
   * The file named by system property {@code property}, or else {@code defaultFile} (relative to
   * the module); when neither is given and the default is absent, the command is skipped with a
   * message saying so.
   *
   * @throws UncheckedIOException when a named file cannot be read: a mistyped name fails, it is
   *     never skipped in silence
   */
  public static Path input(String property, String defaultFile) {
    Optional<Path> file =
        input(System.getProperty(property, ""), invokedFrom(), Path.of(defaultFile));
    Assumptions.assumeTrue(
        file.isPresent(),
        () ->
            "skipped: no -D"
                + property
                + " and no "
                + Path.of(defaultFile).toAbsolutePath().normalize());
    return file.orElseThrow();
  }

  /**
   * Writes one {@code {"id": …, field: …}} line per entry to the file system property {@code
   * property} names, if it names one, and says so.
   */
  public static void writeIfAsked(String property, String field, Map<String, ?> valueById)
      throws IOException {
    Optional<Path> file = output(System.getProperty(property, ""), invokedFrom());
    if (file.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(valueById.size());
    valueById.forEach(
        (id, value) ->
            lines.add(
                JSON.createObjectNode()
                    .put("id", id)
                    .set(field, JSON.valueToTree(value))
                    .toString()));
    Files.write(file.get(), lines);
    System.out.println("wrote " + lines.size() + " lines to " + file.get());
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
