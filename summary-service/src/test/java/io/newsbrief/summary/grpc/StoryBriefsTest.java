package io.newsbrief.summary.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.proto.summary.v1.GetStoryBriefRequest;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.RequestStoryBriefRequest;
import io.newsbrief.proto.summary.v1.RequestStoryBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestStoryBriefsResponse;
import io.newsbrief.proto.summary.v1.StoryBrief;
import io.newsbrief.proto.summary.v1.StorySource;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc.SummaryServiceBlockingStub;
import io.newsbrief.summary.client.FakeArticles;
import io.newsbrief.summary.repository.JobQueue;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Story briefs over a real gRPC channel, made on the job queue in the embedded PostgreSQL from the
 * members the fake article-service reports (debounce interval 2 s in tests).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StoryBriefsTest {

  private static final List<String> OUTLETS =
      List.of("Wire", "Broadcaster", "Daily", "Weekly", "Local", "Radio");

  @GrpcClient("summaries")
  SummaryServiceBlockingStub summaries;

  @Inject FakeArticles articles;
  @Inject JobQueue queue;

  /** A report of the flood by outlet {@code n}: a fact every report tells, and one of its own. */
  private String report(int n) {
    String text =
        "Floodwater forced thousands of people from their homes in the river valley on Sunday,"
            + " officials said.\n\n"
            + "Reporter "
            + n
            + " saw rescue boats number "
            + n
            + " carry families from rooftops near bridge "
            + n
            + " before nightfall.";
    return articles
        .add(OUTLETS.get(n % OUTLETS.size()) + " " + n, "Valley flood, report " + n, text)
        .getId();
  }

  private String storyOf(int members) {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < members; n++) {
      ids.add(report(n));
    }
    return articles.addStory(ids);
  }

  private SummaryServiceBlockingStub stub() {
    return summaries.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private boolean request(String storyId) {
    return stub()
        .requestStoryBrief(RequestStoryBriefRequest.newBuilder().setStoryId(storyId).build())
        .getCreated();
  }

  private StoryBrief get(String storyId) {
    return stub().getStoryBrief(GetStoryBriefRequest.newBuilder().setStoryId(storyId).build());
  }

  private StoryBrief awaitBrief(String storyId, Predicate<StoryBrief> done) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(storyId), done);
  }

  private static Stream<io.newsbrief.proto.summary.v1.CitedSentence> sentences(StoryBrief brief) {
    return Stream.concat(
        brief.getLeadList().stream(),
        brief.getSectionsList().stream().flatMap(s -> s.getSentencesList().stream()));
  }

  @Test
  void aStoryBriefIsWrittenFromEveryMemberAndCitesThem() {
    String story = storyOf(3);

    assertThat(request(story)).isTrue();
    StoryBrief brief = awaitBrief(story, b -> b.getState() == JobState.JOB_STATE_DONE);

    assertThat(brief.hasGeneratedAt()).isTrue();
    assertThat(brief.getTitle()).isEqualTo("Valley flood, report 0");
    assertThat(brief.getMethod()).isEqualTo("extractive-mds-v1");
    assertThat(brief.getFaithfulness()).as("cited sentences").isGreaterThanOrEqualTo(0.95f);
    assertThat(brief.getSourcesList()).hasSize(3);
    assertThat(brief.getSourcesList().get(0).getOutlet()).isEqualTo("Wire 0");
    assertThat(sentences(brief).toList())
        .isNotEmpty()
        .allSatisfy(
            sentence ->
                assertThat(sentence.getSourcesList())
                    .isNotEmpty()
                    .allSatisfy(source -> assertThat(source).isBetween(0, 2)));
    // The fact all three tell appears once and cites all three.
    assertThat(sentences(brief).filter(s -> s.getText().startsWith("Floodwater")).toList())
        .singleElement()
        .satisfies(s -> assertThat(s.getSourcesList()).containsExactly(0, 1, 2));
  }

  @Test
  void aJoiningMemberIsCoveredByTheRemadeBrief() {
    String story = storyOf(2);
    request(story);
    awaitBrief(story, b -> b.getState() == JobState.JOB_STATE_DONE);

    String joined = report(2);
    articles.join(story, joined);
    assertThat(request(story)).isTrue();

    StoryBrief remade =
        awaitBrief(
            story,
            b ->
                b.getState() == JobState.JOB_STATE_DONE
                    && b.getSourcesList().stream().anyMatch(s -> s.getArticleId().equals(joined)));
    assertThat(remade.getSourcesList()).hasSize(3);
  }

  @Test
  void aBurstOfTwentyJoinsMakesABoundedNumberOfBriefsAndTheLastCoversAll() {
    String story = storyOf(2);
    request(story);
    List<String> joined = new ArrayList<>();
    for (int n = 2; n < 22; n++) {
      String id = report(n);
      articles.join(story, id);
      joined.add(id);
      request(story);
    }

    StoryBrief last =
        awaitBrief(
            story,
            b ->
                b.getState() == JobState.JOB_STATE_DONE
                    && b.getSourcesList().stream()
                        .map(StorySource::getArticleId)
                        .toList()
                        .containsAll(joined));
    assertThat(last.getSourcesList()).hasSize(22);
    long jobs =
        QuarkusTransaction.requiringNew()
            .call(() -> queue.count("storyId", UUID.fromString(story)));
    // The first request's job, and at most one waiting job per 2 s interval of the burst.
    assertThat(jobs).isBetween(1L, 3L);
  }

  @Test
  void aStoryMergedIntoAnotherLosesItsOwnBrief() {
    String merged = storyOf(2);
    request(merged);
    awaitBrief(merged, b -> b.hasGeneratedAt());
    String survivor = storyOf(3);
    articles.merge(merged, survivor);

    request(merged);
    StoryBrief after =
        awaitBrief(merged, b -> b.getState() == JobState.JOB_STATE_DONE && !b.hasGeneratedAt());
    assertThat(after.getLeadList()).isEmpty();
  }

  @Test
  void aBatchRequestQueuesOneJobPerStoryAnswersInOrderAndIsIdempotent() {
    String first = storyOf(2);
    String second = storyOf(2);
    RequestStoryBriefsRequest batch =
        RequestStoryBriefsRequest.newBuilder()
            .addAllStoryIds(List.of(second, first, second))
            .build();

    RequestStoryBriefsResponse queued = stub().requestStoryBriefs(batch);

    assertThat(queued.getRequestedList())
        .as("one answer per distinct story, in request order")
        .hasSize(2)
        .allSatisfy(requested -> assertThat(requested.getCreated()).isTrue());
    assertThat(get(second).getJobId()).isEqualTo(queued.getRequested(0).getJobId());
    assertThat(get(first).getJobId()).isEqualTo(queued.getRequested(1).getJobId());
    stub().requestStoryBriefs(batch);
    for (String story : List.of(first, second)) {
      assertThat(
              QuarkusTransaction.requiringNew()
                  .call(
                      () ->
                          queue.count(
                              "storyId = ?1 and state = ?2",
                              UUID.fromString(story),
                              io.newsbrief.summary.repository.JobState.PENDING)))
          .as("asked again: coalesced, at most one job waits per story")
          .isLessThanOrEqualTo(1);
      awaitBrief(story, b -> b.getState() == JobState.JOB_STATE_DONE);
    }

    RequestStoryBriefsRequest.Builder tooMany = RequestStoryBriefsRequest.newBuilder();
    for (int i = 0; i < 101; i++) {
      tooMany.addStoryIds(UUID.randomUUID().toString());
    }
    for (RequestStoryBriefsRequest refused :
        List.of(
            tooMany.build(),
            RequestStoryBriefsRequest.getDefaultInstance(),
            RequestStoryBriefsRequest.newBuilder().addStoryIds("not-a-uuid").build())) {
      assertThatThrownBy(() -> stub().requestStoryBriefs(refused))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
  }

  @Test
  void storiesBriefedTogetherFailAloneAndEachMemberIsReadOnce() {
    List<String> stories = List.of(storyOf(3), storyOf(3), storyOf(3), storyOf(3));
    String unreadable = stories.get(0);
    // More failures than one read retries: its job fails this attempt and is retried later.
    articles.failNextStoryReads(unreadable, 3);
    String unknown = UUID.randomUUID().toString();

    stub()
        .requestStoryBriefs(
            RequestStoryBriefsRequest.newBuilder()
                .addAllStoryIds(stories)
                .addStoryIds(unknown)
                .build());

    for (String story : stories.subList(1, stories.size())) {
      StoryBrief brief = awaitBrief(story, b -> b.getState() == JobState.JOB_STATE_DONE);
      assertThat(brief.getSourcesList()).hasSize(3);
      assertThat(articles.storyReads(story)).as("its story read once").isEqualTo(1);
      brief
          .getSourcesList()
          .forEach(
              source ->
                  assertThat(articles.textFetches(source.getArticleId()))
                      .as("each member's text fetched once")
                      .isEqualTo(1));
    }
    assertThat(awaitBrief(unknown, b -> b.getState() == JobState.JOB_STATE_FAILED).getReason())
        .isEqualTo("the story no longer exists");
    StoryBrief retried = awaitBrief(unreadable, b -> b.getState() == JobState.JOB_STATE_DONE);
    assertThat(retried.getSourcesList()).hasSize(3);
    assertThat(articles.storyReads(unreadable)).as("three failed reads, then one").isEqualTo(4);
  }

  @Test
  void anUnknownStoryFailsItsJobAndBadIdsAreRefused() {
    String unknown = UUID.randomUUID().toString();
    request(unknown);
    StoryBrief failed = awaitBrief(unknown, b -> b.getState() == JobState.JOB_STATE_FAILED);
    assertThat(failed.getReason()).isEqualTo("the story no longer exists");

    assertThatThrownBy(() -> get(UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThatThrownBy(() -> request("not-a-uuid"))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }
}
