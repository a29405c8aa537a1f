package io.newsbrief.loadtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Synthetic articles written straight into article-service's database (100,000 per statement), so
 * the benchmark can time list and search at 10k to 1M rows. Titles carry their number ("Synthetic
 * story 777"), a fifth mention "harbour".
 */
final class SyntheticRows {

  private static final int CHUNK = 100_000;

  private SyntheticRows() {}

  /**
   * Adds rows until the table holds {@code rows} (nothing when it holds more), then refreshes the
   * planner's statistics.
   *
   * @return the number of rows now
   */
  static long fill(Connection database, long rows) throws SQLException {
    long present = count(database);
    long from = present;
    while (from < rows) {
      long to = Math.min(rows, from + CHUNK);
      try (PreparedStatement insert =
          database.prepareStatement(
              "INSERT INTO article (id, url, canonical_url, title, byline, source_name, language,"
                  + " published_at, fetched_at, text, content_sha256, word_count)"
                  + " SELECT gen_random_uuid(), u, u, 'Synthetic story ' || g || ' about the '"
                  + " || (ARRAY['council','harbour','tram','museum','strike'])[1 + g % 5], '',"
                  + " 'Synthetic', 'en', now() - make_interval(secs => g), now(),"
                  + " 'A synthetic paragraph ' || md5(g::text) || ' on the '"
                  + " || (ARRAY['council','harbour','tram','museum','strike'])[1 + g % 5]"
                  + " || ' for the benchmark, with a few more words to index.',"
                  + " md5(g::text) || md5(g::text), 20"
                  + " FROM generate_series(?, ?) AS g,"
                  + " LATERAL (SELECT 'https://synthetic.example.com/' || g AS u) AS url"
                  + " ON CONFLICT DO NOTHING")) {
        insert.setLong(1, from + 1);
        insert.setLong(2, to);
        insert.executeUpdate();
      }
      from = to;
    }
    try (Statement analyze = database.createStatement()) {
      analyze.execute("ANALYZE article");
    }
    return count(database);
  }

  private static long count(Connection database) throws SQLException {
    try (Statement statement = database.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM article")) {
      count.next();
      return count.getLong(1);
    }
  }
}
