package io.newsbrief.article.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Duration;
import io.newsbrief.article.RowCounts;
import io.newsbrief.proto.article.v1.AddFeedRequest;
import io.newsbrief.proto.article.v1.Feed;
import io.newsbrief.proto.article.v1.FeedServiceGrpc.FeedServiceBlockingStub;
import io.newsbrief.proto.article.v1.GetFeedRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ingest speed from a local feed of 1,000 entries, through the whole poll (fetch, parse, extract,
 * dedupe, store with brief requests; then story grouping, which follows the store): with the full
 * text in the feed, and with every entry's page fetched. Each is polled {@value #ROUNDS} times (new
 * entries each time) in a JVM warmed up by polls of both kinds, as a running server is; prints
 * articles/s of each poll and their median; asserts only that every entry was stored.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FeedIngestBenchmarkTest {

  static final int ENTRIES = 1000;
  static final int ROUNDS = 3;
  static final int WARM_UP_FROM = 100_000;

  /**
   * Polls of the warm-up, once per JVM: until about the third poll of 1,000 entries, parsing and
   * extraction still run partly interpreted (the first poll parsed ten times slower than the
   * third).
   */
  static final List<String> WARM_UP = List.of("full", "linked", "full");

  private static boolean warmedUp;
  private static final String[] WORDS =
      ("council river tram bridge budget harbour storm museum village union drivers operators"
              + " deal vote pay rise schools library hospital nurses doctors farmers prices"
              + " harvest rain flood court judge appeal police station market traders tourism"
              + " hotel airport runway noise residents petition mayor election ballot campaign"
              + " energy wind turbines solar panels grid heating winter homes rent landlords"
              + " students university research grant science telescope ferry island port fish"
              + " quota coast erosion wall engineers granite repairs schedule weeks months year")
          .split(" ");

  @GrpcClient("feeds")
  FeedServiceBlockingStub feeds;

  @Inject EntityManager entityManager;

  @Inject Vertx vertx;

  HttpServer site;

  @BeforeEach
  void startSite() throws Exception {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager.createNativeQuery("TRUNCATE feed, article CASCADE").executeUpdate());
    site =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  String path = request.path();
                  if (path.startsWith("/pages/")) {
                    send(
                        request,
                        "text/html; charset=utf-8",
                        page(Integer.parseInt(path.substring(7))));
                  } else {
                    // /{full|linked}/{first entry}.rss
                    String[] parts = path.split("[/.]");
                    send(
                        request,
                        "application/rss+xml",
                        feed(parts[1].equals("full"), Integer.parseInt(parts[2]), ENTRIES));
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    if (!warmedUp) {
      for (int round = 0; round < WARM_UP.size(); round++) {
        poll("/" + WARM_UP.get(round) + "/" + (WARM_UP_FROM + round * ENTRIES) + ".rss");
      }
      warmedUp = true;
    }
  }

  @AfterEach
  void stopSite() throws Exception {
    site.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void entriesWithFullText() {
    measure("full", "full text in the feed");
  }

  @Test
  void entriesWhosePagesAreFetched() {
    measure("linked", "each page fetched and extracted");
  }

  private void measure(String kind, String label) {
    List<double[]> rates = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      double[] seconds = poll("/" + kind + "/" + round * ENTRIES + ".rss");
      rates.add(new double[] {ENTRIES / seconds[0], ENTRIES / seconds[1]});
    }
    System.out.printf(
        "BENCHMARK feed ingest (%s), %d polls of %d entries: stored %s articles/s (median %.0f);"
            + " each in its story %s articles/s (median %.0f)%n",
        label,
        ROUNDS,
        ENTRIES,
        rates.stream().map(r -> String.format("%.0f", r[0])).collect(Collectors.joining(" / ")),
        median(rates.stream().mapToDouble(r -> r[0])),
        rates.stream().map(r -> String.format("%.0f", r[1])).collect(Collectors.joining(" / ")),
        median(rates.stream().mapToDouble(r -> r[1])));
  }

  private static double median(DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    return sorted[sorted.length / 2];
  }

  /**
   * Adds the feed at {@code path} and waits until its poll stored every entry, then until each is
   * in its story.
   *
   * @return seconds until stored, and until grouped
   */
  private double[] poll(String path) {
    long start = System.nanoTime();
    Feed feed =
        feeds
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .addFeed(
                AddFeedRequest.newBuilder()
                    .setUrl(base() + path)
                    .setPollInterval(Duration.newBuilder().setSeconds(3600))
                    .build());
    AtomicReference<Feed> done = new AtomicReference<>();
    await()
        .atMost(180, TimeUnit.SECONDS)
        .pollInterval(20, TimeUnit.MILLISECONDS)
        .until(
            () -> {
              Feed now =
                  feeds
                      .withDeadlineAfter(5, TimeUnit.SECONDS)
                      .getFeed(GetFeedRequest.newBuilder().setId(feed.getId()).build());
              done.set(now);
              return now.getStatus().hasLastSuccessAt()
                  || !now.getStatus().getLastError().isEmpty();
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(done.get().getStatus().getLastError()).isEmpty();
    assertThat(done.get().getStatus().getArticlesCreated()).isEqualTo(ENTRIES);
    await()
        .atMost(180, TimeUnit.SECONDS)
        .pollInterval(20, TimeUnit.MILLISECONDS)
        .until(() -> ungrouped() == 0);
    return new double[] {seconds, (System.nanoTime() - start) / 1e9};
  }

  /** Articles stored and not yet grouped into a story (that happens after the poll stores them). */
  private long ungrouped() {
    return RowCounts.count(entityManager, "SELECT count(*) FROM article WHERE story_terms IS NULL");
  }

  private String base() {
    return "http://127.0.0.1:" + site.actualPort();
  }

  private String feed(boolean fullText, int from, int count) {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>Bench Gazette</title><language>en</language>");
    for (int i = from; i < from + count; i++) {
      xml.append("<item><title>")
          .append(headline(i))
          .append("</title><link>")
          .append(base())
          .append("/pages/")
          .append(i)
          .append("</link><guid>bench-")
          .append(i)
          .append("</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>");
      if (fullText) {
        xml.append("<content:encoded><![CDATA[")
            .append(paragraphs(i))
            .append("]]></content:encoded>");
      }
      xml.append("</item>");
    }
    return xml.append("</channel></rss>").toString();
  }

  private static String page(int item) {
    return "<!DOCTYPE html><html lang=\"en\"><head><title>"
        + headline(item)
        + "</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>"
        + headline(item)
        + "</h1>"
        + paragraphs(item)
        + "</article><aside>Most read</aside></body></html>";
  }

  private static String headline(int item) {
    Random random = new Random(item);
    return "Story " + item + ": " + sentence(random, 6);
  }

  /** Six paragraphs of words drawn per item: every text distinct, none near another. */
  private static String paragraphs(int item) {
    Random random = new Random(item * 31L + 7);
    StringBuilder html = new StringBuilder();
    for (int p = 0; p < 6; p++) {
      html.append("<p>");
      for (int s = 0; s < 3; s++) {
        html.append(sentence(random, 12)).append(". ");
      }
      html.append("</p>");
    }
    return html.toString();
  }

  private static String sentence(Random random, int words) {
    StringBuilder sentence = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      sentence.append(
          w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
    }
    return sentence.toString();
  }

  private static void send(HttpServerRequest request, String contentType, String body) {
    request.response().putHeader("Content-Type", contentType).end(body);
  }
}
