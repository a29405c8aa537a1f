package io.newsbrief.article.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.google.protobuf.Duration;
import io.newsbrief.article.client.FakeSummaryService;
import io.newsbrief.proto.article.v1.AddFeedRequest;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.Feed;
import io.newsbrief.proto.article.v1.FeedServiceGrpc.FeedServiceBlockingStub;
import io.newsbrief.proto.article.v1.GetFeedRequest;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.proto.article.v1.RefreshFeedRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds end to end inside article-service: a real poller, fetcher and PostgreSQL, and feeds and
 * pages served by WireMock on loopback (allowed in the test profile only).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FeedIngestionTest {

  static final WireMockServer web =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  @GrpcClient("feeds")
  FeedServiceBlockingStub feeds;

  @GrpcClient("articles")
  ArticleServiceBlockingStub articles;

  @Inject @GrpcService FakeSummaryService summaries;
  @Inject EntityManager entityManager;

  FeedFixtures site;

  @BeforeAll
  static void startWeb() {
    web.start();
  }

  @AfterAll
  static void stopWeb() {
    web.stop();
  }

  @BeforeEach
  void freshSite() {
    site = new FeedFixtures(web);
    // Content hashes and stories are global: each test starts from no articles.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager.createNativeQuery("TRUNCATE feed, article CASCADE").executeUpdate());
  }

  @Test
  void rssEntriesBecomeArticlesWithWhatTheirPagesSay() {
    site.serve("/courier.rss", "feeds/courier.rss.xml", "application/rss+xml");
    site.servePage("/news/local/council-backs-tram", "pages/tram.html");
    site.servePage("/news/local/harbour-wall", "pages/harbour.html");
    site.servePage("/news/local/bibliotheque", "pages/library.html");

    Feed feed = add(site.url("/courier.rss"), "");
    Feed polled = awaitFeed(feed, f -> f.getStatus().getArticlesCreated() == 3);

    assertThat(polled.getTitle()).isEqualTo("The Riverside Courier – Local");
    assertThat(polled.getStatus().getLastError()).isEmpty();
    assertThat(polled.getStatus().getLastHttpStatus()).isEqualTo(200);
    assertThat(polled.getStatus().getEntriesSeen()).isEqualTo(3);

    List<Article> stored = articlesOf("The Riverside Courier – Local");
    assertThat(stored).hasSize(3);
    Article tram = byTitle(stored, "Council backs river tram extension");
    // The page's canonical URL wins over the feed's tracking link.
    assertThat(tram.getCanonicalUrl()).isEqualTo(site.url("/news/local/council-backs-tram"));
    assertThat(tram.getByline()).isEqualTo("Priya Nandakumar");
    assertThat(tram.getPublishedAt().getSeconds())
        .isEqualTo(Instant.parse("2026-11-20T07:45:00Z").getEpochSecond());
    assertThat(tram.getLanguage()).isEqualTo("en-GB");
    assertThat(tram.getText())
        .startsWith("Council backs river tram extension\n\nThe city council voted on Tuesday")
        .contains("Local businesses in the eastern districts welcomed the decision")
        .doesNotContain(
            "Most read", "Related", "cookies", "By Priya", "artist's impression", "Share");

    Article harbour = byTitle(stored, "Harbour wall repairs finished ahead of winter storms");
    assertThat(harbour.getByline()).isEqualTo("Tomasz Wiśniewski");
    assertThat(harbour.getText())
        .contains("Engineers have finished repairing the old harbour wall")
        .doesNotContain("Subscribe to our newsletter");
    assertThat(harbour.getLanguage()).as("undeclared: the feed's").isEqualTo("en-GB");

    Article library = byTitle(stored, "La bibliothèque municipale rouvre");
    assertThat(library.getLanguage()).isEqualTo("fr");
    assertThat(library.getCanonicalUrl()).isEqualTo(site.url("/news/local/bibliotheque"));

    // Each stored article asks summary-service for its brief (through the outbox).
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(summaries.accepted())
                    .containsAll(stored.stream().map(Article::getId).toList()));
  }

  @Test
  void aNotModifiedFeedIsNotParsedAndKnownEntriesAreNotFetchedAgain() {
    String feedPath = site.prefix + "/conditional.rss";
    web.stubFor(
        get(urlPathEqualTo(feedPath))
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
    web.stubFor(
        get(urlPathEqualTo(feedPath))
            .withHeader("If-None-Match", absent())
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/rss+xml")
                    .withHeader("ETag", "\"v1\"")
                    .withHeader("Last-Modified", "Fri, 20 Nov 2026 08:00:00 GMT")
                    .withBody(site.fixture("feeds/courier.rss.xml"))));
    site.servePage("/news/local/council-backs-tram", "pages/tram.html");
    site.servePage("/news/local/harbour-wall", "pages/harbour.html");
    site.servePage("/news/local/bibliotheque", "pages/library.html");

    Feed feed = add(site.url("/conditional.rss"), "Courier");
    awaitFeed(feed, f -> f.getStatus().getArticlesCreated() == 3);

    Instant refreshed = Instant.now();
    feeds.refreshFeed(RefreshFeedRequest.newBuilder().setId(feed.getId()).build());
    Feed again = awaitFeed(feed, f -> polledSince(f, refreshed));

    assertThat(again.getStatus().getLastHttpStatus()).isEqualTo(304);
    assertThat(again.getStatus().getEntriesSeen()).as("nothing re-read").isEqualTo(3);
    assertThat(again.getStatus().getLastError()).isEmpty();
    web.verify(
        1,
        getRequestedFor(urlPathEqualTo(feedPath))
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .withHeader("If-Modified-Since", equalTo("Fri, 20 Nov 2026 08:00:00 GMT")));
    web.verify(1, getRequestedFor(urlPathEqualTo(site.prefix + "/news/local/harbour-wall")));
    assertThat(articlesOf("Courier")).hasSize(3);
  }

  @Test
  void duplicatesAcrossFeedsAreStoredOnceAndTheSameStoryIsGrouped() {
    site.serve("/courier.rss", "feeds/courier.rss.xml", "application/rss+xml");
    site.servePage("/news/local/council-backs-tram", "pages/tram.html");
    site.servePage("/news/local/harbour-wall", "pages/harbour.html");
    site.servePage("/news/local/bibliotheque", "pages/library.html");
    site.serve("/wire-a.atom", "feeds/wire-a.atom.xml", "application/atom+xml");
    site.serve("/wire-b.json", "feeds/wire-b.json", "application/feed+json");

    Feed courier = add(site.url("/courier.rss"), "");
    awaitFeed(courier, f -> f.getStatus().getArticlesCreated() == 3);
    Feed wireA = add(site.url("/wire-a.atom"), "");
    awaitFeed(wireA, f -> f.getStatus().getArticlesCreated() == 2);
    Feed wireB = add(site.url("/wire-b.json"), "");
    Feed polledB = awaitFeed(wireB, f -> f.getStatus().hasLastSuccessAt());

    // Its rail story is new (another outlet's edit); the museum text and the tram link are not.
    assertThat(polledB.getStatus().getEntriesSeen()).isEqualTo(3);
    assertThat(polledB.getStatus().getArticlesCreated()).isEqualTo(1);
    web.verify(1, getRequestedFor(urlPathEqualTo(site.prefix + "/news/local/council-backs-tram")));
    assertThat(articlesOf("Coastal Daily")).hasSize(1);

    List<Article> wireStories = articlesOf("Northern Wire");
    Article railA = byTitle(wireStories, "Rail strike called off after overnight talks");
    Article museum =
        byTitle(wireStories, "Museum returns carved panels to the village they came from");
    Article railB = articlesOf("Coastal Daily").get(0);
    assertThat(railA.getText()).startsWith("A national rail strike planned for Monday");
    assertThat(railA.getByline()).isEqualTo("Northern Wire staff");

    assertThat(railB.getStoryId()).isNotEmpty().isEqualTo(railA.getStoryId());
    assertThat(museum.getStoryId()).isNotEmpty().isNotEqualTo(railA.getStoryId());
    List<Article> courierStories = articlesOf("The Riverside Courier – Local");
    assertThat(courierStories.stream().map(Article::getStoryId).distinct()).hasSize(3);
  }

  @Test
  void brokenHugeAndSlowFeedsAreErrorsInTheirStatusAndBackOff() {
    site.serve("/broken.rss", "feeds/broken.rss.xml", "application/rss+xml");
    web.stubFor(
        get(urlPathEqualTo(site.prefix + "/huge.rss"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/rss+xml")
                    .withBody("<rss>" + "x".repeat(4_500_000) + "</rss>")));
    web.stubFor(
        get(urlPathEqualTo(site.prefix + "/slow.rss"))
            .willReturn(
                aResponse()
                    .withFixedDelay(5_000)
                    .withHeader("Content-Type", "application/rss+xml")
                    .withBody(site.fixture("feeds/courier.rss.xml"))));
    web.stubFor(
        get(urlPathEqualTo(site.prefix + "/gone.rss")).willReturn(aResponse().withStatus(503)));

    Instant before = Instant.now();
    Feed broken = awaitFeed(add(site.url("/broken.rss"), ""), f -> f.getStatus().hasLastPolledAt());
    Feed huge = awaitFeed(add(site.url("/huge.rss"), ""), f -> f.getStatus().hasLastPolledAt());
    Feed slow = awaitFeed(add(site.url("/slow.rss"), ""), f -> f.getStatus().hasLastPolledAt());
    Feed gone = awaitFeed(add(site.url("/gone.rss"), ""), f -> f.getStatus().hasLastPolledAt());

    assertThat(broken.getStatus().getLastError()).startsWith("not a readable RSS or Atom feed");
    assertThat(huge.getStatus().getLastError()).contains("larger than 4194304 bytes");
    assertThat(slow.getStatus().getLastError()).isNotEmpty();
    assertThat(slow.getStatus().getLastHttpStatus()).isZero();
    assertThat(gone.getStatus().getLastError()).isEqualTo("answered HTTP 503");
    assertThat(gone.getStatus().getLastHttpStatus()).isEqualTo(503);
    for (Feed failed : List.of(broken, huge, slow, gone)) {
      assertThat(failed.getStatus().getConsecutiveFailures()).isEqualTo(1);
      assertThat(failed.getStatus().hasLastSuccessAt()).isFalse();
      // Backoff: twice the hour's interval, give or take the jitter.
      assertThat(failed.getStatus().getNextPollAt().getSeconds())
          .isGreaterThan(before.plusSeconds(7200 - 800).getEpochSecond());
    }
    assertThat(articlesOf("Half a feed")).isEmpty();
  }

  @Test
  void theNextPollWaitsAsLongAsTheServerAsksUpToTheLongestInterval() {
    String empty = "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>";
    serveFeed("/cached.rss", 200, empty, "Cache-Control", "public, max-age=10800");
    serveFeed("/expires.rss", 200, empty, "Expires", httpDate(Instant.now().plusSeconds(14400)));
    serveFeed("/ttl.rss", 200, empty.replace("</title>", "</title><ttl>300</ttl>"));
    serveFeed("/forever.rss", 200, empty, "Cache-Control", "max-age=31536000");
    serveFeed("/busy.rss", 429, "slow down", "Retry-After", "21600");
    serveFeed("/plain.rss", 200, empty);

    Instant before = Instant.now();
    Feed cached = polled("/cached.rss");
    Feed expires = polled("/expires.rss");
    Feed ttl = polled("/ttl.rss");
    Feed forever = polled("/forever.rss");
    Feed busy = polled("/busy.rss");
    Feed plain = polled("/plain.rss");

    // The feeds' own interval is an hour, ±10 % jitter.
    assertThat(nextPollAfter(cached, before)).isBetween(hours(3), hours(3.1));
    assertThat(nextPollAfter(expires, before)).isBetween(hours(3.9), hours(4.1));
    assertThat(nextPollAfter(ttl, before)).isBetween(hours(5), hours(5.1));
    assertThat(nextPollAfter(forever, before))
        .as("capped at max-interval")
        .isBetween(hours(24), hours(24.1));
    assertThat(nextPollAfter(plain, before)).isBetween(hours(0.89), hours(1.11));
    // A refusal: the Retry-After beats the doubled interval (2 h).
    assertThat(busy.getStatus().getLastHttpStatus()).isEqualTo(429);
    assertThat(busy.getStatus().getConsecutiveFailures()).isEqualTo(1);
    assertThat(nextPollAfter(busy, before)).isBetween(hours(6), hours(6.1));
  }

  @Test
  void aFeedThatCannotBeParsedRecordsTheStatusItCameWith() {
    serveFeed("/odd.rss", 203, "<html>not a feed</html>");

    Feed odd = polled("/odd.rss");

    assertThat(odd.getStatus().getLastHttpStatus()).isEqualTo(203);
    assertThat(odd.getStatus().getLastError()).startsWith("not a readable RSS or Atom feed");
    assertThat(odd.getStatus().getConsecutiveFailures()).isEqualTo(1);
  }

  private void serveFeed(String path, int status, String body, String... headers) {
    var response = aResponse().withStatus(status).withHeader("Content-Type", "application/rss+xml");
    for (int i = 0; i < headers.length; i += 2) {
      response.withHeader(headers[i], headers[i + 1]);
    }
    web.stubFor(get(urlPathEqualTo(site.prefix + path)).willReturn(response.withBody(body)));
  }

  private Feed polled(String path) {
    return awaitFeed(add(site.url(path), ""), f -> f.getStatus().hasLastPolledAt());
  }

  private static java.time.Duration nextPollAfter(Feed feed, Instant before) {
    var next = feed.getStatus().getNextPollAt();
    return java.time.Duration.between(
        before, Instant.ofEpochSecond(next.getSeconds(), next.getNanos()));
  }

  private static java.time.Duration hours(double hours) {
    return java.time.Duration.ofSeconds((long) (hours * 3600));
  }

  private static String httpDate(Instant instant) {
    return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        instant.atZone(java.time.ZoneOffset.UTC));
  }

  @Test
  void redirectsIntoPrivateAddressesAreRefused() {
    web.stubFor(
        get(urlPathEqualTo(site.prefix + "/metadata.rss"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
    String feed =
        site.fixture("feeds/courier.rss.xml")
            .replace(site.url("/news/local/harbour-wall"), site.url("/news/local/to-intranet"));
    web.stubFor(
        get(urlPathEqualTo(site.prefix + "/intranet.rss"))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/rss+xml").withBody(feed)));
    web.stubFor(
        get(urlPathEqualTo(site.prefix + "/news/local/to-intranet"))
            .willReturn(
                aResponse().withStatus(301).withHeader("Location", "http://10.0.0.7/admin")));
    site.servePage("/news/local/council-backs-tram", "pages/tram.html");
    site.servePage("/news/local/bibliotheque", "pages/library.html");

    Feed metadata =
        awaitFeed(add(site.url("/metadata.rss"), ""), f -> f.getStatus().hasLastPolledAt());
    assertThat(metadata.getStatus().getLastError())
        .isEqualTo("host 169.254.169.254 resolves to a private or loopback address");

    Feed intranet =
        awaitFeed(
            add(site.url("/intranet.rss"), "Intranet"),
            f -> f.getStatus().getArticlesCreated() == 2);
    assertThat(intranet.getStatus().getLastError()).isEmpty();
    assertThat(titles(articlesOf("Intranet")))
        .doesNotContain("Harbour wall repairs finished ahead of winter storms");
  }

  private Feed add(String url, String sourceName) {
    return feeds
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .addFeed(
            AddFeedRequest.newBuilder()
                .setUrl(url)
                .setSourceName(sourceName)
                .setPollInterval(Duration.newBuilder().setSeconds(3600))
                .build());
  }

  Feed awaitFeed(Feed feed, Predicate<Feed> condition) {
    return await()
        .atMost(20, TimeUnit.SECONDS)
        .pollInterval(100, TimeUnit.MILLISECONDS)
        .until(
            () ->
                feeds
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getFeed(GetFeedRequest.newBuilder().setId(feed.getId()).build()),
            condition);
  }

  static boolean polledSince(Feed feed, Instant since) {
    return feed.getStatus().hasLastPolledAt()
        && feed.getStatus().getLastPolledAt().getSeconds() * 1000
                + feed.getStatus().getLastPolledAt().getNanos() / 1_000_000
            >= since.toEpochMilli();
  }

  private List<Article> articlesOf(String sourceName) {
    return articles
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .listArticles(
            ListArticlesRequest.newBuilder()
                .setSourceName(sourceName)
                .setPageSize(100)
                .setView(ArticleView.ARTICLE_VIEW_FULL)
                .build())
        .getArticlesList();
  }

  private static Article byTitle(List<Article> articles, String title) {
    return articles.stream()
        .filter(article -> article.getTitle().equals(title))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no article titled " + title + " in " + titles(articles)));
  }

  private static List<String> titles(List<Article> articles) {
    return articles.stream().map(Article::getTitle).toList();
  }
}
