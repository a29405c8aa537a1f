package io.newsbrief.article.grpc;

import static io.newsbrief.article.grpc.GrpcTestSupport.article;
import static io.newsbrief.article.grpc.GrpcTestSupport.statusOf;
import static io.newsbrief.article.grpc.GrpcTestSupport.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import io.agroal.api.AgroalDataSource;
import io.grpc.Status;
import io.newsbrief.article.repository.StoryRepository;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.BackfillStoriesRequest;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.GetStoryRequest;
import io.newsbrief.proto.article.v1.ListStoriesRequest;
import io.newsbrief.proto.article.v1.Story;
import io.newsbrief.proto.article.v1.StoryChange;
import io.newsbrief.proto.article.v1.StoryMember;
import io.newsbrief.proto.article.v1.StoryService;
import io.newsbrief.proto.article.v1.StoryServiceGrpc.StoryServiceBlockingStub;
import io.newsbrief.proto.article.v1.WatchStoriesRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** StoryService over a real channel, against the real database. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StoryServiceTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @GrpcClient("articles")
  ArticleServiceBlockingStub articles;

  @GrpcClient("articles")
  StoryServiceBlockingStub stories;

  @GrpcClient("articles")
  StoryService watcher;

  @Inject StoryRepository storyRows;

  @Inject AgroalDataSource dataSource;

  private io.newsbrief.proto.article.v1.Article create(ArticleInput.Builder input, Instant at) {
    input.setPublishedAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).build());
    return articles
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .createArticle(CreateArticleRequest.newBuilder().setArticle(input).build())
        .getArticle();
  }

  private Story get(String id) {
    return stories
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getStory(GetStoryRequest.newBuilder().setId(id).build());
  }

  private List<Story> list(ListStoriesRequest.Builder request) {
    return stories
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .listStories(request.build())
        .getStoriesList();
  }

  /** A made-up name no other test's article has, so the database's other stories stay apart. */
  private static String name() {
    StringBuilder name = new StringBuilder("Q");
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 9; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }

  private static ArticleInput.Builder ferryReport(String place, String vessel, String outlet) {
    return article(
            "Ferry " + vessel + " runs aground off " + place,
            "The passenger ferry "
                + vessel
                + " ran aground off "
                + place
                + " on Friday with its passengers aboard; lifeboats took everyone off and"
                + " the operator of the "
                + vessel
                + " opened an inquiry, "
                + outlet
                + " reports.")
        .setSourceName(outlet);
  }

  private static ArticleInput.Builder bridgeFireReport(String place, String river, String outlet) {
    return article(
            "Fire closes the old rail bridge over the " + river + " at " + place,
            "Fire crews fought a blaze on the old rail bridge over the "
                + river
                + " at "
                + place
                + " through Saturday night; trains are diverted and engineers will judge the"
                + " timber spans before the line reopens, "
                + outlet
                + " says.")
        .setSourceName(outlet);
  }

  @Test
  void aStoryListsItsReportsAndSourcesAndIsListedFirstOnceUpdated() {
    String place = name();
    String vessel = name();
    var first = create(ferryReport(place, vessel, "Harbour Gazette"), NOW);
    var second = create(ferryReport(place, vessel, "Coast Radio"), NOW.plus(1, ChronoUnit.HOURS));
    assertThat(second.getStoryId()).isEqualTo(first.getStoryId());

    Story story = get(first.getStoryId());
    assertThat(story.getId()).isEqualTo(first.getStoryId());
    assertThat(story.getArticleCount())
        .as("members %s", story.getMembersList().stream().map(StoryMember::getTitle).toList())
        .isEqualTo(2);
    assertThat(story.getSourceCount()).isEqualTo(2);
    assertThat(story.getHeadline()).isIn(first.getTitle(), second.getTitle());
    assertThat(story.getLanguage()).isEqualTo("en");
    assertThat(story.getFirstPublishedAt()).isEqualTo(first.getPublishedAt());
    assertThat(story.getLastPublishedAt()).isEqualTo(second.getPublishedAt());
    assertThat(story.getMembersList())
        .extracting(StoryMember::getArticleId, StoryMember::getSourceName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first.getId(), "Harbour Gazette"),
            org.assertj.core.groups.Tuple.tuple(second.getId(), "Coast Radio"));

    assertThat(list(ListStoriesRequest.newBuilder().setPageSize(100)))
        .first()
        .extracting(Story::getId)
        .as("most recently updated first")
        .isEqualTo(story.getId());
    assertThat(list(ListStoriesRequest.newBuilder().setQuery(place)))
        .singleElement()
        .satisfies(found -> assertThat(found.getMembersCount()).isZero())
        .extracting(Story::getId)
        .isEqualTo(story.getId());
    assertThat(list(ListStoriesRequest.newBuilder().setQuery(place).setLanguage("de"))).isEmpty();
  }

  @Test
  void pagesFollowEachOtherWithoutGapsOrRepeats() {
    for (int i = 0; i < 3; i++) {
      create(
          article("Unrelated note " + UUID.randomUUID(), "Body " + UUID.randomUUID() + "."),
          NOW.minus(i, ChronoUnit.DAYS));
    }
    var firstPage = stories.listStories(ListStoriesRequest.newBuilder().setPageSize(2).build());
    assertThat(firstPage.getStoriesList()).hasSize(2);
    var secondPage =
        stories.listStories(
            ListStoriesRequest.newBuilder()
                .setPageSize(2)
                .setPageToken(firstPage.getNextPageToken())
                .build());
    assertThat(secondPage.getStoriesList())
        .extracting(Story::getId)
        .doesNotContainAnyElementsOf(
            firstPage.getStoriesList().stream().map(Story::getId).toList());
    assertThat(secondPage.getStories(0).getUpdatedAt().getSeconds())
        .isLessThanOrEqualTo(firstPage.getStories(1).getUpdatedAt().getSeconds());
  }

  @Test
  void aMergedStoryIdAnswersWithTheSurvivor() {
    var kept = create(article("Quillon dam bursts its banks", "The Quillon dam burst."), NOW);
    var merged =
        create(article("Ternwick cheese fair opens", "The Ternwick cheese fair opened."), NOW);
    UUID survivor = UUID.fromString(kept.getStoryId());
    UUID mergedId = UUID.fromString(merged.getStoryId());
    List<String> members = new java.util.ArrayList<>();
    for (String story : List.of(kept.getStoryId(), merged.getStoryId())) {
      get(story).getMembersList().forEach(member -> members.add(member.getArticleId()));
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              storyRows.merge(Map.of(mergedId, survivor));
              storyRows.refresh(Map.of(survivor, UUID.fromString(kept.getId())));
            });

    Story answered = get(mergedId.toString());
    assertThat(answered.getId()).isEqualTo(survivor.toString());
    assertThat(answered.getMembersList())
        .extracting(StoryMember::getArticleId)
        .contains(kept.getId(), merged.getId())
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(answered.getHeadline()).isEqualTo(kept.getTitle());
  }

  @Test
  void backfillRegroupsArticlesStoredBeforeStoriesAndKeepsTheirOldIdsAnswering() throws Exception {
    String place = name();
    String river = name();
    UUID firstOld = UUID.randomUUID();
    UUID secondOld = UUID.randomUUID();
    UUID firstArticle =
        storeAsBeforeStories(bridgeFireReport(place, river, "Old Gazette"), firstOld);
    UUID secondArticle =
        storeAsBeforeStories(bridgeFireReport(place, river, "Old Radio"), secondOld);

    int regrouped = 0;
    for (int batch = 1; batch > 0; ) {
      batch =
          stories
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .backfillStories(BackfillStoriesRequest.newBuilder().setBatchSize(1).build())
              .getRegrouped();
      regrouped += batch;
    }

    assertThat(regrouped).isGreaterThanOrEqualTo(2);
    Story viaFirst = get(firstOld.toString());
    assertThat(get(secondOld.toString()).getId()).isEqualTo(viaFirst.getId());
    assertThat(viaFirst.getMembersList())
        .extracting(StoryMember::getArticleId)
        .containsExactlyInAnyOrder(firstArticle.toString(), secondArticle.toString());
  }

  @Test
  void watchersHearOfStoriesAsTheyChange() {
    List<StoryChange> received = new CopyOnWriteArrayList<>();
    Cancellable watch =
        watcher
            .watchStories(WatchStoriesRequest.newBuilder().setLanguage("en").build())
            .subscribe()
            .with(received::add);
    try {
      List<String> storyIds = new CopyOnWriteArrayList<>();
      // The subscription is set up asynchronously: keep storing until a change arrives.
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                storyIds.add(
                    create(article(name() + " " + name(), name() + " " + name() + "."), NOW)
                        .getStoryId());
                return !received.isEmpty();
              });
      assertThat(storyIds).contains(received.get(0).getStory().getId());
      assertThat(received.get(0).getStory().getArticleCount()).isEqualTo(1);
    } finally {
      watch.cancel();
    }
  }

  @Test
  void badRequestsAreRejectedAndUnknownStoriesAreNotFound() {
    assertThat(violatedFields(statusOf(() -> get("not-a-uuid"), Status.Code.INVALID_ARGUMENT)))
        .containsExactly("id");
    statusOf(() -> get(UUID.randomUUID().toString()), Status.Code.NOT_FOUND);
    assertThat(
            violatedFields(
                statusOf(
                    () -> list(ListStoriesRequest.newBuilder().setPageSize(-1)),
                    Status.Code.INVALID_ARGUMENT)))
        .containsExactly("page_size");
    assertThat(
            violatedFields(
                statusOf(
                    () -> list(ListStoriesRequest.newBuilder().setPageToken("garbage")),
                    Status.Code.INVALID_ARGUMENT)))
        .containsExactly("page_token");
    assertThat(
            violatedFields(
                statusOf(
                    () ->
                        stories.backfillStories(
                            BackfillStoriesRequest.newBuilder().setBatchSize(100_000).build()),
                    Status.Code.INVALID_ARGUMENT)))
        .containsExactly("batch_size");
  }

  /** Stores an article the way article-service did before stories: no term vector. */
  private UUID storeAsBeforeStories(ArticleInput.Builder input, UUID storyId) throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO article (id, url, canonical_url, title, source_name, language,"
                    + " published_at, fetched_at, text, content_sha256, word_count, story_id)"
                    + " VALUES (?, ?, ?, ?, ?, 'en', now(), now(), ?, ?, 30, ?)")) {
      insert.setObject(1, id);
      insert.setString(2, input.getUrl());
      insert.setString(3, input.getUrl());
      insert.setString(4, input.getTitle());
      insert.setString(5, input.getSourceName());
      insert.setString(6, input.getText());
      insert.setString(7, "0".repeat(64));
      insert.setObject(8, storyId);
      insert.executeUpdate();
    }
    return id;
  }
}
