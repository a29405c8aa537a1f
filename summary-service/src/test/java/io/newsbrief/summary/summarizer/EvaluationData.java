package io.newsbrief.summary.summarizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Articles with human reference summaries, one JSON object per line: {id, title, text, reference}.
 */
record EvaluationData(String id, String title, String text, String reference) {

  static List<EvaluationData> read(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (var lines = Files.lines(jsonl)) {
      return lines
          .filter(line -> !line.isBlank())
          .map(
              line -> {
                try {
                  JsonNode row = json.readTree(line);
                  return new EvaluationData(
                      row.path("id").asText(),
                      row.path("title").isTextual() ? row.path("title").asText() : null,
                      row.path("text").asText(),
                      row.path("reference").asText());
                } catch (IOException e) {
                  throw new UncheckedIOException("not a JSON line: " + line, e);
                }
              })
          .toList();
    }
  }
}
