package io.newsbrief.article.grpc;

import static io.newsbrief.article.grpc.GrpcTestSupport.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import io.newsbrief.article.repository.ArticleRepository;
import io.newsbrief.article.repository.NewArticle;
import io.newsbrief.article.service.ArticleCatalog;
import io.newsbrief.article.service.ArticleSubmission;
import io.newsbrief.article.story.StoryGrouper;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleService;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.GetArticleRequest;
import io.newsbrief.proto.article.v1.ImportArticlesRequest;
import io.newsbrief.proto.article.v1.ImportItemResult;
import io.newsbrief.proto.article.v1.SearchArticlesRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stories as articles are stored through the API, against the real database. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StoryAssignmentTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String[] PLACES = {"Quellbridge", "Varnhollow", "Ostermere", "Kilnwick"};

  @GrpcClient("articles")
  ArticleServiceBlockingStub articles;

  @GrpcClient("articles")
  ArticleService importer;

  @Inject ArticleCatalog catalog;

  @Inject ArticleRepository repository;

  @Inject StoryGrouper grouper;

  private String storyOf(ArticleInput.Builder input, Instant publishedAt) {
    input.setPublishedAt(Timestamp.newBuilder().setSeconds(publishedAt.getEpochSecond()).build());
    return articles
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .createArticle(CreateArticleRequest.newBuilder().setArticle(input).build())
        .getArticle()
        .getStoryId();
  }

  @Test
  void writersStoringReportsOfOneEventAtOnceEndInOneStory() throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (String place : PLACES) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> stories = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          String outlet = "Outlet " + w;
          stories.add(
              pool.submit(
                  () -> {
                    start.await();
                    return storyOf(
                        article(
                                "Storm brings down the " + place + " harbour wall",
                                "The harbour wall at "
                                    + place
                                    + " collapsed early on Monday after a night of storms, "
                                    + outlet
                                    + " reports. No one was hurt, the coastguard said, but the"
                                    + " quay road will stay closed while engineers inspect it.")
                            .setSourceName(outlet),
                        NOW);
                  }));
        }
        start.countDown();
        Set<String> distinct = new HashSet<>();
        for (Future<String> story : stories) {
          distinct.add(story.get(60, TimeUnit.SECONDS));
        }
        assertThat(distinct).as("stories of the %s reports", place).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void importedReportsAreGroupedRightAfterTheImportCommits() {
    List<ImportArticlesRequest> items = new ArrayList<>();
    for (int outlet = 0; outlet < 3; outlet++) {
      items.add(
          imported(
              article(
                      "Cable car stalls over the Dunmarrow gorge for six hours",
                      "A cable car stalled over the Dunmarrow gorge on Tuesday morning, outlet "
                          + outlet
                          + " reports. All 38 riders were winched down by mountain rescue; the"
                          + " operator closed the Dunmarrow line for inspection.")
                  .setSourceName("Outlet " + outlet),
              NOW.plus(outlet, ChronoUnit.HOURS)));
    }
    items.add(
        imported(
            article(
                    "Calderholt council approves new library budget",
                    "Calderholt's council voted on Tuesday to fund a new central library, ending a"
                        + " two-year dispute over the old tannery site.")
                .setSourceName("Outlet 9"),
            NOW));

    List<String> ids =
        importer
            .importArticles(Multi.createFrom().iterable(items))
            .await()
            .atMost(Duration.ofSeconds(60))
            .getResultsList()
            .stream()
            .map(ImportItemResult::getArticleId)
            .toList();

    List<String> stories = awaitStories(ids);
    assertThat(stories.subList(0, 3)).containsOnly(stories.get(0));
    assertThat(stories.get(3)).isNotEqualTo(stories.get(0));
    // Their search vectors are written when they are grouped (V11), not left out.
    assertThat(
            articles
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .searchArticles(
                    SearchArticlesRequest.newBuilder()
                        .setQuery("Dunmarrow or Calderholt")
                        .setPageSize(10)
                        .build())
                .getResultsList())
        .extracting(result -> result.getArticle().getId())
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void articlesLeftWithoutAStoryByACrashAreGroupedByTheNextPass() {
    // Stored as an import stores them, but with no after-commit wake-up: as if the service died
    // between the import's commit and its grouping.
    Instant now = Instant.now();
    List<NewArticle> stored =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List<NewArticle> pending =
                      List.of(
                          catalog.validate(submission("Orbital Ventures", now), now),
                          catalog.validate(submission("Skyward Daily", now), now));
                  repository.insertNew(pending);
                  return pending;
                });

    List<String> stories =
        awaitStories(stored.stream().map(article -> article.id().toString()).toList());
    assertThat(stories.get(1)).isEqualTo(stories.get(0));
  }

  @Test
  void twoAssignersGroupingReportsOfOneEventAtOnceEndInOneStory() throws Exception {
    Instant now = Instant.now();
    List<NewArticle> stored =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List<NewArticle> pending = new ArrayList<>();
                  for (int outlet = 0; outlet < 6; outlet++) {
                    pending.add(
                        catalog.validate(
                            submission("Outlet " + outlet, now.plusSeconds(outlet)), now));
                  }
                  repository.insertNew(pending);
                  return pending;
                });
    // Two replicas' assigners, one article a pass each, racing over the same pending articles.
    ExecutorService replicas = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> passes = new ArrayList<>();
      for (int replica = 0; replica < 2; replica++) {
        passes.add(
            replicas.submit(
                () -> {
                  start.await();
                  while (grouper.backfill(1) > 0) {
                    // until none is left
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> pass : passes) {
        pass.get(60, TimeUnit.SECONDS);
      }
    } finally {
      replicas.shutdownNow();
    }

    List<String> stories =
        awaitStories(stored.stream().map(article -> article.id().toString()).toList());
    assertThat(stories).containsOnly(stories.get(0));
  }

  private static ArticleSubmission submission(String outlet, Instant publishedAt) {
    return new ArticleSubmission(
        GrpcTestSupport.uniqueUrl(),
        "Lunar lander Perrault touches down near the Mare Tessen rim",
        "",
        outlet,
        "en",
        publishedAt,
        "The Perrault lander touched down near the rim of Mare Tessen late on Sunday, "
            + outlet
            + " reports, the first landing of the Tessen programme. Its drill starts on Friday.",
        "");
  }

  private static ImportArticlesRequest imported(ArticleInput.Builder input, Instant publishedAt) {
    input.setPublishedAt(Timestamp.newBuilder().setSeconds(publishedAt.getEpochSecond()).build());
    return ImportArticlesRequest.newBuilder().setArticle(input).build();
  }

  /** The story of each article, once every one of them has one. */
  private List<String> awaitStories(List<String> articleIds) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                articleIds.stream()
                    .map(
                        id ->
                            articles
                                .withDeadlineAfter(10, TimeUnit.SECONDS)
                                .getArticle(GetArticleRequest.newBuilder().setId(id).build())
                                .getStoryId())
                    .toList(),
            stories -> stories.stream().noneMatch(String::isEmpty));
  }

  @Test
  void differentlyWordedReportsJoinAndAnotherEventOfTheDayDoesNot() {
    String senate =
        storyOf(
            article(
                    "Senate Approves Zephyrian Hate Crimes Bill In Rare Bipartisan Vote",
                    "The Senate approved legislation on Thursday to help law enforcement respond to"
                        + " hate crimes against Zephyrian Americans, passing the bill 94-1 after two"
                        + " weeks of talks. Only Sen. Josh Hawley of Missouri voted no.")
                .setSourceName("NPR"),
            NOW);
    String sameEvent =
        storyOf(
            article(
                    "Senate passes anti-Zephyrian hate crime bill with only Hawley opposed",
                    "Senators overwhelmingly passed a bill Thursday aimed at the rise in hate"
                        + " crimes targeting Zephyrian Americans during the pandemic. The 94-1 vote"
                        + " sends the measure to the House; Hawley said it was too broad.")
                .setSourceName("Fox News"),
            NOW.plus(3, ChronoUnit.HOURS));
    String otherEvent =
        storyOf(
            article(
                    "House committee advances Quorvant river dam inquiry",
                    "A House committee voted on Thursday to open an inquiry into the failed dam on"
                        + " the Quorvant river, calling engineers and the state's governor to"
                        + " testify next month about warnings they received.")
                .setSourceName("Reuters"),
            NOW.plus(4, ChronoUnit.HOURS));

    assertThat(sameEvent).isEqualTo(senate);
    assertThat(otherEvent).isNotEqualTo(senate);
  }
}
