package io.newsbrief.loadtest;

import static org.awaitility.Awaitility.await;

import io.newsbrief.launcher.LocalSuite;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the suite's databases hold, as one comparable value per table (row count and an MD5 of the
 * rows in key order), to show that a rejected request changed nothing. A feed's polling bookkeeping
 * is left out: the poller changes it on its own schedule.
 */
final class DatabaseDigest implements AutoCloseable {

  private record Table(String database, String name, String columns, String order) {}

  private static final List<Table> TABLES =
      List.of(
          new Table("articles", "article", "t.*", "id"),
          new Table("articles", "brief_request", "t.article_id", "article_id"),
          new Table(
              "articles",
              "feed",
              "t.id, t.url, t.canonical_url, t.title, t.source_name, t.poll_interval_seconds,"
                  + " t.paused",
              "id"),
          new Table("articles", "feed_entry", "t.*", "feed_id, entry_key"),
          new Table("articles", "story_posting", "t.*", "term, published_at, article_id"),
          new Table("articles", "story_term", "t.*", "term"),
          new Table("articles", "story_corpus", "t.*", "id"),
          new Table("summaries", "brief_job", "t.*", "id"),
          new Table("summaries", "brief", "t.*", "job_id"));

  private final Map<String, Connection> connections = new LinkedHashMap<>();

  /** Opens a connection to each of the suite's databases, kept until {@link #close()}. */
  DatabaseDigest(LocalSuite suite) throws SQLException {
    for (String database : List.of("articles", "summaries")) {
      connections.put(database, suite.connect(database));
    }
  }

  @Override
  public void close() throws SQLException {
    for (Connection connection : connections.values()) {
      connection.close();
    }
  }

  /** Table name → "rows:md5". */
  Map<String, String> take() throws SQLException {
    Map<String, String> digest = new LinkedHashMap<>();
    for (Map.Entry<String, Connection> database : connections.entrySet()) {
      try (Statement statement = database.getValue().createStatement()) {
        for (Table table : TABLES) {
          if (!table.database().equals(database.getKey())) {
            continue;
          }
          try (ResultSet row =
              statement.executeQuery(
                  "SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY k)),"
                      + " '') FROM (SELECT ROW("
                      + table.columns()
                      + ") AS r, ROW("
                      + table.order()
                      + ")::text AS k FROM "
                      + table.name()
                      + " t) AS x(r, k)")) {
            row.next();
            digest.put(table.name(), row.getString(1));
          }
        }
      }
    }
    return digest;
  }

  /**
   * Waits until what an accepted request set off has finished: no article waiting for its story, no
   * brief request waiting (of an article or a story), no job queued or running, and two digests in
   * a row alike. A story's brief job may wait out the story-brief interval (1 min), hence the
   * longer wait.
   *
   * @return the settled digest
   */
  Map<String, String> settled() {
    Object[] last = {null};
    return await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Map<String, String> now = idle() ? take() : null;
              boolean same = now != null && Objects.equals(now, last[0]);
              last[0] = now;
              return same ? now : null;
            },
            Objects::nonNull);
  }

  private boolean idle() throws SQLException {
    try (Statement outbox = connections.get("articles").createStatement();
        Statement jobs = connections.get("summaries").createStatement();
        ResultSet waiting =
            outbox.executeQuery(
                "SELECT (SELECT count(*) FROM brief_request)"
                    + " + (SELECT count(*) FROM story_brief_request)"
                    + " + (SELECT count(*) FROM article WHERE story_terms IS NULL)");
        ResultSet working =
            jobs.executeQuery(
                "SELECT count(*) FROM brief_job WHERE state IN ('PENDING', 'RUNNING')")) {
      waiting.next();
      working.next();
      return waiting.getInt(1) == 0 && working.getInt(1) == 0;
    }
  }
}
