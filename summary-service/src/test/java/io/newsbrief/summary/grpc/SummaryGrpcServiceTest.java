package io.newsbrief.summary.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.summary.v1.Brief;
import io.newsbrief.proto.summary.v1.GetBriefRequest;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.ListBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.RequestBriefResponse;
import io.newsbrief.proto.summary.v1.RequestBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestBriefsResponse;
import io.newsbrief.proto.summary.v1.RequestedBrief;
import io.newsbrief.proto.summary.v1.SummarizeRequest;
import io.newsbrief.proto.summary.v1.SummaryService;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc.SummaryServiceBlockingStub;
import io.newsbrief.proto.summary.v1.WatchBriefRequest;
import io.newsbrief.summary.client.FakeArticles;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SummaryGrpcServiceTest {

  @GrpcClient("summaries")
  SummaryServiceBlockingStub summaries;

  @GrpcClient("summaries")
  SummaryService mutinySummaries;

  @Inject FakeArticles articles;

  private SummaryServiceBlockingStub stub() {
    return summaries.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private RequestBriefResponse request(String articleId) {
    return stub().requestBrief(RequestBriefRequest.newBuilder().setArticleId(articleId).build());
  }

  private Brief awaitTerminal(String articleId) {
    List<Brief> last = new ArrayList<>(List.of(Brief.getDefaultInstance()));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              last.set(
                  0, stub().getBrief(GetBriefRequest.newBuilder().setArticleId(articleId).build()));
              return last.get(0).getState() == JobState.JOB_STATE_DONE
                  || last.get(0).getState() == JobState.JOB_STATE_FAILED;
            });
    return last.get(0);
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static Status.Code codeOf(ThrowingCallable call) {
    StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(failure).isNotNull();
    return failure.getStatus().getCode();
  }

  @Test
  void requestQueuesOnceAndAWorkerMakesTheBrief() {
    Article article =
        articles.add("Example News", "Talks resume in Geneva", SummaryGrpcServiceTestData.STORY);

    RequestBriefResponse first = request(article.getId());
    RequestBriefResponse repeat = request(article.getId());

    assertThat(first.getCreated()).isTrue();
    assertThat(repeat.getCreated()).isFalse();
    assertThat(repeat.getJobId()).isEqualTo(first.getJobId());

    Brief brief = awaitTerminal(article.getId());
    assertThat(brief.getState()).isEqualTo(JobState.JOB_STATE_DONE);
    assertThat(brief.getJobId()).isEqualTo(first.getJobId());
    assertThat(brief.getTitle()).isEqualTo("Talks resume in Geneva");
    assertThat(brief.getSourceUrl()).isEqualTo(article.getCanonicalUrl());
    assertThat(brief.getSourceName()).isEqualTo("Example News");
    assertThat(brief.getMethod()).isEqualTo("extractive-v2");
    assertThat(brief.getFaithfulness()).as("copied sentences").isGreaterThanOrEqualTo(0.95f);
    assertThat(brief.hasGeneratedAt()).isTrue();
    assertThat(brief.getLead())
        .startsWith("Delegates from both countries met in Geneva on Monday.");
    assertThat(brief.getSectionsList()).isNotEmpty();
    assertThat(brief.getSectionsList())
        .allSatisfy(
            section -> {
              assertThat(section.getHeading()).matches("\\p{Lu}\\S*( (and|\\p{Lu}\\S*))+");
              section.getParagraphsList().stream()
                  .flatMap(p -> java.util.Arrays.stream(p.split("(?<=\\.) ")))
                  .forEach(
                      sentence ->
                          assertThat(SummaryGrpcServiceTestData.STORY.replaceAll("\\s+", " "))
                              .contains(sentence));
            });

    RequestBriefResponse afterDone = request(article.getId());
    assertThat(afterDone.getState()).isEqualTo(JobState.JOB_STATE_DONE);
    assertThat(afterDone.getBrief().getLead()).isEqualTo(brief.getLead());
  }

  @Test
  void rejectsUnknownArticlesBadIdsAndUnknownMethods() {
    assertThat(codeOf(() -> request(UUID.randomUUID().toString())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(codeOf(() -> request("nope"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
    String id = articles.add("Example News", "T", SummaryGrpcServiceTestData.STORY).getId();
    assertThat(
            codeOf(
                () ->
                    stub()
                        .requestBrief(
                            RequestBriefRequest.newBuilder()
                                .setArticleId(id)
                                .setMethod("magic")
                                .build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(
            codeOf(
                () ->
                    stub()
                        .requestBrief(
                            RequestBriefRequest.newBuilder()
                                .setArticleId(id)
                                .setMethod("llm")
                                .build())))
        .as("llm is not configured in this profile")
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(codeOf(() -> stub().getBrief(GetBriefRequest.newBuilder().setArticleId(id).build())))
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void watchStreamsStatesUntilDone() {
    Article article = articles.add("Example News", "Watched", SummaryGrpcServiceTestData.STORY);
    request(article.getId());

    List<Brief> states =
        mutinySummaries
            .watchBrief(WatchBriefRequest.newBuilder().setArticleId(article.getId()).build())
            .collect()
            .asList()
            .await()
            .atMost(Duration.ofSeconds(30));

    assertThat(states).isNotEmpty();
    assertThat(states.get(states.size() - 1).getState()).isEqualTo(JobState.JOB_STATE_DONE);
    assertThat(states.get(states.size() - 1).getLead()).isNotBlank();
    assertThat(states).extracting(Brief::getStateValue).isSorted();
  }

  @Test
  void listsFinishedBriefsNewestFirstWithFiltersAndPages() {
    String source = "feed-" + UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id =
          articles
              .add(source, "Story " + i, SummaryGrpcServiceTestData.STORY + " Variant " + i + ".")
              .getId();
      ids.add(id);
      request(id);
      awaitTerminal(id);
    }

    List<Brief> seen = new ArrayList<>();
    String token = "";
    do {
      var page =
          stub()
              .listBriefs(
                  ListBriefsRequest.newBuilder()
                      .setSourceName(source)
                      .setPageSize(2)
                      .setPageToken(token)
                      .build());
      seen.addAll(page.getBriefsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());

    assertThat(seen).extracting(Brief::getArticleId).containsExactlyElementsOf(reversed(ids));
    assertThat(seen).allSatisfy(b -> assertThat(b.getState()).isEqualTo(JobState.JOB_STATE_DONE));

    var only =
        stub()
            .listBriefs(
                ListBriefsRequest.newBuilder()
                    .addArticleIds(ids.get(1))
                    .addArticleIds(ids.get(3))
                    .build());
    assertThat(only.getBriefsList())
        .extracting(Brief::getArticleId)
        .containsExactly(ids.get(3), ids.get(1));
    assertThat(
            codeOf(
                () -> stub().listBriefs(ListBriefsRequest.newBuilder().setPageToken("x").build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void summarizeAnswersSynchronouslyWithoutStoring() {
    var response =
        stub()
            .summarize(
                SummarizeRequest.newBuilder()
                    .setTitle("Talks")
                    .setText(SummaryGrpcServiceTestData.STORY)
                    .build())
            .getBrief();
    assertThat(response.getLead()).startsWith("Delegates from both countries");
    assertThat(response.getMethod()).isEqualTo("extractive-v2");
    assertThat(response.hasFaithfulness()).isTrue();
    assertThat(response.getTitle()).isEqualTo("Talks");
    assertThat(codeOf(() -> stub().summarize(SummarizeRequest.newBuilder().setText(" ").build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    // Text without a sentence in it is bad input too, not a server fault.
    assertThat(
            codeOf(() -> stub().summarize(SummarizeRequest.newBuilder().setText("👍 …").build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void aBatchRequestQueuesEachArticleOnceAndNamesTheMissingOnes() {
    String first = articles.add("Example News", "One", SummaryGrpcServiceTestData.STORY).getId();
    String second = articles.add("Example News", "Two", SummaryGrpcServiceTestData.STORY).getId();
    String unknown = UUID.randomUUID().toString();
    RequestBriefsRequest batch =
        RequestBriefsRequest.newBuilder()
            .addAllArticleIds(List.of(first, unknown, second, first))
            .build();

    RequestBriefsResponse queued = stub().requestBriefs(batch);
    RequestBriefsResponse repeat = stub().requestBriefs(batch);
    RequestBriefResponse single = request(second);

    assertThat(queued.getRequestedList())
        .extracting(RequestedBrief::getArticleId)
        .containsExactly(first, second);
    assertThat(queued.getRequestedList()).allMatch(RequestedBrief::getCreated);
    assertThat(queued.getMissingArticleIdsList()).containsExactly(unknown);
    assertThat(repeat.getRequestedList()).noneMatch(RequestedBrief::getCreated);
    assertThat(repeat.getRequestedList())
        .extracting(RequestedBrief::getJobId)
        .as("a repeat answers with the queued jobs")
        .containsExactlyElementsOf(
            queued.getRequestedList().stream().map(RequestedBrief::getJobId).toList());
    assertThat(single.getCreated()).isFalse();
    assertThat(single.getJobId()).isEqualTo(queued.getRequested(1).getJobId());
    assertThat(awaitTerminal(first).getState()).isEqualTo(JobState.JOB_STATE_DONE);
    assertThat(awaitTerminal(second).getJobId()).isEqualTo(single.getJobId());

    RequestBriefsRequest.Builder tooMany = RequestBriefsRequest.newBuilder();
    for (int i = 0; i < 101; i++) {
      tooMany.addArticleIds(UUID.randomUUID().toString());
    }
    assertThat(codeOf(() -> stub().requestBriefs(tooMany.build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(codeOf(() -> stub().requestBriefs(RequestBriefsRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(
            codeOf(
                () ->
                    stub()
                        .requestBriefs(
                            RequestBriefsRequest.newBuilder().addArticleIds("not-a-uuid").build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void articleServiceOutagesAtTheRequestAreRetriedThenAnsweredUnavailable() {
    Article flaky = articles.add("Example News", "Flaky", SummaryGrpcServiceTestData.STORY);
    articles.failNextGets(flaky.getId(), 2); // within the client's two retries
    request(flaky.getId());
    assertThat(awaitTerminal(flaky.getId()).getState()).isEqualTo(JobState.JOB_STATE_DONE);

    Article down = articles.add("Example News", "Down", SummaryGrpcServiceTestData.STORY);
    articles.failNextGets(down.getId(), Integer.MAX_VALUE);
    assertThat(codeOf(() -> request(down.getId()))).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(
            codeOf(
                () ->
                    stub()
                        .getBrief(GetBriefRequest.newBuilder().setArticleId(down.getId()).build())))
        .as("nothing queued: the caller asks again")
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void theWorkerSummarizesTheTextTheBriefWasRequestedWith() {
    Article gone = articles.add("Example News", "Gone later", SummaryGrpcServiceTestData.STORY);
    articles.goneAfterRequest(gone.getId());
    request(gone.getId());

    Brief brief = awaitTerminal(gone.getId());
    assertThat(brief.getState()).isEqualTo(JobState.JOB_STATE_DONE);
    assertThat(brief.getLead())
        .startsWith("Delegates from both countries met in Geneva on Monday.");
    assertThat(articles.textFetches(gone.getId())).as("only the request's").isEqualTo(1);
  }
}
