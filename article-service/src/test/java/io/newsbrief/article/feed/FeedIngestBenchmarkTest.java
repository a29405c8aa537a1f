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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ingest speed from a local feed of 1,000 entries, through the whole poll (fetch, parse, extract,
 * dedupe, store with brief requests; then story grouping, which follows the store): once with the
 * full text in the feed, once with every entry's page fetched. Prints articles/s; asserts only that
 * all 1,000 were stored.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FeedIngestBenchmarkTest {

  static final int ENTRIES = 1000;
  static final int WARM_UP = 300;
  static final int WARM_UP_FROM = 100_000;
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
                  } else if (path.equals("/warm-up.rss")) {
                    send(request, "application/rss+xml", feed(true, WARM_UP_FROM, WARM_UP));
                  } else {
                    send(
                        request, "application/rss+xml", feed(path.equals("/full.rss"), 0, ENTRIES));
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    // Both figures are of a warm JVM: the first poll of a fresh one runs cold code.
    measure("/warm-up.rss", "warm-up", WARM_UP);
  }

  @AfterEach
  void stopSite() throws Exception {
    site.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void entriesWithFullText() {
    measure("/full.rss", "full text in the feed", ENTRIES);
  }

  @Test
  void entriesWhosePagesAreFetched() {
    measure("/linked.rss", "each page fetched and extracted", ENTRIES);
  }

  private void measure(String path, String label, int entries) {
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
    assertThat(done.get().getStatus().getArticlesCreated()).isEqualTo(entries);
    await()
        .atMost(180, TimeUnit.SECONDS)
        .pollInterval(20, TimeUnit.MILLISECONDS)
        .until(() -> ungrouped() == 0);
    double grouped = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "BENCHMARK feed ingest (%s): %d articles stored in %.2f s = %.0f articles/s, each in its"
            + " story in %.2f s = %.0f articles/s%n",
        label, entries, seconds, entries / seconds, grouped, entries / grouped);
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
