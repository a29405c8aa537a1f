package io.newsbrief.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleService;
import io.newsbrief.proto.article.v1.ImportArticlesRequest;
import io.newsbrief.proto.article.v1.ImportArticlesResponse;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Story assignment as the stored articles grow: seeds 10k, then 100k, then 1M stored articles (a
 * year of them, each with a term vector and postings, as clustering leaves them) straight into the
 * database, and at each size streams fresh batches of reports (400 events of five reports,
 * published within a day) through ImportArticles, printing articles/s. A command rather than a test
 * (its name keeps it out of the normal run): {@code ./mvnw -q test -Pstory-bench -pl
 * article-service}; {@code -Dstory.bench.sizes=10000,100000} for fewer sizes, {@code
 * -Dtest=StoryAssignmentBenchmark} without {@link StoryAssignmentOffBenchmark}, the same with
 * clustering off.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
public class StoryAssignmentBenchmark {

  static final int VOCABULARY = 50_000;

  /**
   * Stored articles per day, the same at every size (a year's worth at 1M): more stored articles
   * means a longer history, not a busier window, so the sizes compare what storage costs.
   */
  static final int PER_DAY = 2_740;

  static final int EVENTS = 400;
  static final int REPORTS_PER_EVENT = 5;
  static final int ROUNDS = 3;

  @GrpcClient("articles")
  ArticleService articles;

  @Inject AgroalDataSource dataSource;

  @Test
  void importRateAsStoredArticlesGrow() throws Exception {
    run("clustering on", articles, dataSource);
  }

  /** Seeds each size in turn ({@code story.bench.sizes}) and measures the import rate at it. */
  static void run(String mode, ArticleService articles, AgroalDataSource dataSource)
      throws Exception {
    String sizes = System.getProperty("story.bench.sizes", "10000,100000,1000000");
    long seeded = 0;
    for (String size : sizes.split(",")) {
      long target = Long.parseLong(size.strip());
      long started = System.nanoTime();
      seed(dataSource, seeded, target);
      System.out.printf(
          "BENCHMARK stories: seeded %,d stored articles in %.0f s%n",
          target, (System.nanoTime() - started) / 1e9);
      seeded = target;
      report(mode, target, measure(articles, dataSource, target));
    }
  }

  static void report(String mode, long stored, Rates rates) {
    System.out.printf(
        "BENCHMARK stories: %s, %,d stored: ImportArticles acknowledged %s, every article in its"
            + " story %s articles/s (rounds of %d)%n",
        mode,
        stored,
        rounded(rates.acknowledged()),
        rounded(rates.grouped()),
        EVENTS * REPORTS_PER_EVENT);
  }

  private static List<String> rounded(double[] rates) {
    return java.util.Arrays.stream(rates).mapToObj(rate -> String.format("%.0f", rate)).toList();
  }

  /**
   * Articles/s of each round: until ImportArticles answered, and until every article of the round
   * had its story (the assigner groups them after the import commits).
   */
  record Rates(double[] acknowledged, double[] grouped) {}

  /** Rounds of fresh reports through ImportArticles: one warm-up, then {@link #ROUNDS} measured. */
  static Rates measure(ArticleService articles, AgroalDataSource dataSource, long salt)
      throws Exception {
    Rates rates = new Rates(new double[ROUNDS], new double[ROUNDS]);
    for (int round = -1; round < ROUNDS; round++) {
      List<ImportArticlesRequest> batch = reports(new Random(salt * 31 + round));
      long started = System.nanoTime();
      ImportArticlesResponse response =
          articles
              .importArticles(Multi.createFrom().iterable(batch))
              .await()
              .atMost(Duration.ofMinutes(10));
      double acknowledged = (System.nanoTime() - started) / 1e9;
      assertThat(response.getCreatedCount()).isEqualTo(batch.size());
      awaitGrouped(dataSource);
      double grouped = (System.nanoTime() - started) / 1e9;
      if (round >= 0) {
        rates.acknowledged()[round] = batch.size() / acknowledged;
        rates.grouped()[round] = batch.size() / grouped;
      }
    }
    return rates;
  }

  /** Polls (every 20 ms, up to 10 min) until no article is left without a story. */
  private static void awaitGrouped(AgroalDataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement pending =
            connection.prepareStatement(
                "SELECT count(*) FROM article WHERE story_terms IS NULL AND story_id IS NULL")) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                try (ResultSet rows = pending.executeQuery()) {
                  rows.next();
                  return rows.getLong(1) == 0;
                }
              });
    }
  }

  /** Reports of {@link #EVENTS} events: each shares rare event words, amid common words. */
  static List<ImportArticlesRequest> reports(Random random) {
    Instant now = Instant.now();
    List<ImportArticlesRequest> requests = new ArrayList<>();
    for (int event = 0; event < EVENTS; event++) {
      List<String> eventWords = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        eventWords.add(word(random, 2_000, VOCABULARY));
      }
      Instant happened = now.minusSeconds(random.nextInt(86_400));
      for (int report = 0; report < REPORTS_PER_EVENT; report++) {
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 7; i++) {
          title.append(i % 3 == 2 ? word(random, 1, VOCABULARY) : pick(random, eventWords));
          title.append(' ');
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 90; i++) {
          text.append(i % 3 == 0 ? pick(random, eventWords) : word(random, 1, VOCABULARY));
          text.append(i % 15 == 14 ? ". " : " ");
        }
        requests.add(
            ImportArticlesRequest.newBuilder()
                .setArticle(
                    ArticleInput.newBuilder()
                        .setUrl("https://bench.example/new/" + UUID.randomUUID())
                        .setTitle(title.toString().strip())
                        .setText(text.toString().strip())
                        .setSourceName("Outlet " + report)
                        .setLanguage("en")
                        .setPublishedAt(
                            com.google.protobuf.Timestamp.newBuilder()
                                .setSeconds(happened.getEpochSecond() + report * 1800L)))
                .build());
      }
    }
    java.util.Collections.shuffle(requests, random);
    return requests;
  }

  /** A word of rank in [from, to), log-uniform: frequent words far more often, as in news. */
  static String word(Random random, int from, int to) {
    double low = Math.log(from);
    int rank = (int) Math.exp(low + random.nextDouble() * (Math.log(to) - low));
    return "w" + rank;
  }

  private static String pick(Random random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  /**
   * Stores articles {@code from} to {@code to} as clustering leaves them: the later, the older
   * ({@link #PER_DAY} a day), 24 log-uniform terms each (rarest first), postings of the 16 rarest,
   * the statistics.
   */
  static void seed(AgroalDataSource dataSource, long from, long to) throws Exception {
    long chunk = 50_000;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (Statement unbounded = connection.createStatement()) {
        // Seeding a million rows' statistics takes longer than the service's statement timeout.
        unbounded.execute("SET statement_timeout = 0");
      }
      for (long start = from; start < to; start += chunk) {
        long end = Math.min(to, start + chunk);
        try (PreparedStatement insert =
            connection.prepareStatement(
                "WITH gen AS (SELECT gen_random_uuid() AS id, g,"
                    + " now() - (g + random()) * ? * interval '1 second' AS published_at,"
                    + " ARRAY(SELECT 'w' || to_char(r, 'FM999999') FROM (SELECT DISTINCT"
                    + " floor(exp(random() * ln(?) + g * 0))::int AS r"
                    + " FROM generate_series(1, 24)) t ORDER BY r DESC) AS terms"
                    + " FROM generate_series(?, ?) g),"
                    + " stored AS (INSERT INTO article (id, url, canonical_url, title, language,"
                    + " published_at, fetched_at, text, content_sha256, word_count, story_id,"
                    + " story_terms, story_weights)"
                    + " SELECT id, 'https://bench.example/seed/' || g,"
                    + " 'https://bench.example/seed/' || g, 'Seeded ' || g, 'en', published_at,"
                    + " published_at, 'seeded', md5(g::text) || md5(g::text), 1, id, terms,"
                    + " array_fill(0.2::real, ARRAY[cardinality(terms)]) FROM gen"
                    + " RETURNING id, published_at, story_terms)"
                    + " INSERT INTO story_posting (term, published_at, article_id)"
                    + " SELECT t, published_at, id FROM stored, unnest(story_terms[1:16]) t")) {
          insert.setDouble(1, 86_400.0 / PER_DAY);
          insert.setInt(2, VOCABULARY);
          insert.setLong(3, start);
          insert.setLong(4, end - 1);
          insert.executeUpdate();
        }
      }
      try (Statement statistics = connection.createStatement()) {
        statistics.executeUpdate(
            "INSERT INTO story_term (term, documents) SELECT t, count(*) FROM article,"
                + " unnest(story_terms) t WHERE url LIKE 'https://bench.example/seed/%'"
                + " GROUP BY t ON CONFLICT (term) DO UPDATE SET documents = EXCLUDED.documents");
        statistics.executeUpdate(
            "UPDATE story_corpus SET documents = (SELECT count(*) FROM article)");
        statistics.execute("ANALYZE");
      }
    }
  }
}
