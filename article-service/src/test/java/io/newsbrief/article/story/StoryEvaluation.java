package io.newsbrief.article.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbrief.testing.EvaluationFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The story-clustering evaluation, a command rather than a test (its name keeps it out of the
 * normal run): reads a JSONL of {@code {id, title, text, url, source, published, cluster}}, feeds
 * the articles through the clustering in {@code published} order, and prints B³ and pairwise
 * precision, recall and F1 against {@code cluster}, beside "every article alone" and "one story per
 * day". Run from the project root:
 *
 * <pre>
 * ./mvnw -q test -Pstory-eval [-Dstory.eval.file=FILE] [-Dstory.eval.write=OUT.jsonl]
 *     [-Dstory.eval.settings=WINDOW_HOURS,LEAD_WORDS,INDEXED_TERMS,THRESHOLD,PENALTY_PER_DAY]
 * </pre>
 */
class StoryEvaluation {

  record Item(String id, String title, String text, Instant published, String cluster) {}

  @Test
  void evaluate() throws IOException {
    Path file = EvaluationFiles.input("story.eval.file", "../../shared/eval/clusters-dev.jsonl");
    List<Item> items = read(file);
    Map<String, String> gold = new LinkedHashMap<>();
    items.forEach(item -> gold.put(item.id(), item.cluster()));

    Map<String, Map<String, String>> methods = new LinkedHashMap<>();
    methods.put("every article alone", byItem(items, Item::id));
    methods.put(
        "one story per day",
        byItem(items, item -> LocalDate.ofInstant(item.published(), ZoneOffset.UTC).toString()));
    long started = System.nanoTime();
    StoryClustering.Settings settings = settings();
    Map<String, String> clustered = cluster(items, settings);
    double seconds = (System.nanoTime() - started) / 1e9;
    methods.put("TF-IDF average link, day penalty", clustered);

    System.out.printf(
        "%nStory clustering on %s: %d articles, %d events%n%n",
        file.getFileName(), items.size(), gold.values().stream().distinct().count());
    System.out.println(
        "| method | stories | B³ P | B³ R | B³ F1 | pairwise P | pairwise R | pairwise F1 |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    methods.forEach(
        (name, predicted) -> {
          ClusterScores.Scores b3 = ClusterScores.bCubed(predicted, gold);
          ClusterScores.Scores pairs = ClusterScores.pairwise(predicted, gold);
          System.out.printf(
              "| %s | %d | %.1f | %.1f | **%.1f** | %.1f | %.1f | **%.1f** |%n",
              name,
              predicted.values().stream().distinct().count(),
              100 * b3.precision(),
              100 * b3.recall(),
              100 * b3.f1(),
              100 * pairs.precision(),
              100 * pairs.recall(),
              100 * pairs.f1());
        });
    System.out.printf(
        "%nclustering: %.0f articles/s (one thread, in memory, %s)%n",
        items.size() / seconds, settings);
    EvaluationFiles.writeIfAsked("story.eval.write", "cluster", clustered);
  }

  /**
   * The defaults, or {@code
   * -Dstory.eval.settings=WINDOW_HOURS,LEAD_WORDS,INDEXED_TERMS,THRESHOLD,PENALTY}.
   */
  private static StoryClustering.Settings settings() {
    String given = System.getProperty("story.eval.settings", "");
    if (given.isBlank()) {
      return StoryClustering.DEFAULTS;
    }
    String[] parts = given.split(",");
    return new StoryClustering.Settings(
        Duration.ofHours(Long.parseLong(parts[0])),
        Integer.parseInt(parts[1]),
        Integer.parseInt(parts[2]),
        Double.parseDouble(parts[3]),
        Double.parseDouble(parts[4]));
  }

  static Map<String, String> cluster(List<Item> items, StoryClustering.Settings settings) {
    StoryClustering clustering = new StoryClustering(settings);
    Map<String, String> stories = new LinkedHashMap<>();
    for (Item item : items) {
      stories.put(
          item.id(),
          clustering.assign(item.id(), item.title(), item.text(), item.published()).storyId());
    }
    stories.replaceAll((id, story) -> clustering.survivorOf(story));
    return stories;
  }

  private static Map<String, String> byItem(List<Item> items, Function<Item, String> story) {
    Map<String, String> stories = new LinkedHashMap<>();
    items.forEach(item -> stories.put(item.id(), story.apply(item)));
    return stories;
  }

  static List<Item> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode row = json.readTree(lines.get(i));
      try {
        items.add(
            new Item(
                row.path("id").asText(String.valueOf(i + 1)),
                row.path("title").asText(""),
                row.path("text").asText(""),
                published(row.path("published").asText("")),
                row.path("cluster").asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    items.sort(Comparator.comparing(Item::published).thenComparing(Item::id));
    return items;
  }

  /**
   * A day ("2021-04-22") is its midnight UTC; a timestamp with an offset or a zone
   * ("2021-04-22T09:30:00Z", "…+02:00", RFC 1123 as feeds write it) is read as it is, one without
   * ("2021-04-22T09:30:00", "2021-04-22 09:30") as UTC.
   */
  static Instant published(String value) {
    String given = value.strip();
    try {
      if (given.length() == 10) {
        return LocalDate.parse(given).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (!given.isEmpty() && Character.isLetter(given.charAt(0))) {
        return ZonedDateTime.parse(given, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      }
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              given.replaceFirst(" ", "T"), ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "published is neither a day nor a timestamp: \"" + value + "\"", e);
    }
  }
}
