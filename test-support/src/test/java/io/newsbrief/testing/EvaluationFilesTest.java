package io.newsbrief.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationFilesTest {

  @TempDir Path root;

  @Test
  void aRelativeNameIsReadFromWhereTheCommandWasRun() throws IOException {
    Path file =
        Files.writeString(Files.createDirectories(root.resolve("data")).resolve("a.jsonl"), "{}");

    assertThat(EvaluationFiles.input("data/a.jsonl", root, Path.of("absent.jsonl"))).contains(file);
    assertThat(
            EvaluationFiles.input(file.toString(), Path.of("elsewhere"), Path.of("absent.jsonl")))
        .contains(file);
    assertThat(EvaluationFiles.output("out.jsonl", root)).contains(root.resolve("out.jsonl"));
  }

  @Test
  void withoutANameTheDefaultIsReadOrTheCommandIsSkipped() throws IOException {
    Path defaultFile = Files.writeString(root.resolve("dev.jsonl"), "{}");

    assertThat(EvaluationFiles.input(" ", root, defaultFile)).contains(defaultFile);
    assertThat(EvaluationFiles.input("", root, root.resolve("absent.jsonl"))).isEmpty();
    assertThat(EvaluationFiles.output("", root)).isEmpty();
  }

  @Test
  void aNamedFileThatCannotBeReadFails() {
    assertThatThrownBy(() -> EvaluationFiles.input("missing.jsonl", root, Path.of("dev.jsonl")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("missing.jsonl").toString());
  }
}
