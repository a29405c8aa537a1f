package io.newsbrief.summary.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.proto.summary.v1.Brief;
import io.newsbrief.proto.summary.v1.GetBriefRequest;
import io.newsbrief.proto.summary.v1.ListBriefChangesRequest;
import io.newsbrief.proto.summary.v1.ListBriefChangesResponse;
import io.newsbrief.proto.summary.v1.ListBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc.SummaryServiceBlockingStub;
import io.newsbrief.proto.summary.v1.WithdrawBriefRequest;
import io.newsbrief.summary.client.FakeArticles;
import io.newsbrief.summary.repository.BriefChangeLog;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Delta sync of the feed over a real channel and database: tokens, tombstones, expiry. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BriefSyncTest {

  @GrpcClient("summaries")
  SummaryServiceBlockingStub summaries;

  @Inject FakeArticles articles;

  @Inject AgroalDataSource dataSource;

  @Inject BriefChangeLog changeLog;

  private SummaryServiceBlockingStub stub() {
    return summaries.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Test
  void syncLoopSeesAWrittenBriefThenItsWithdrawal() {
    String token = stub().listBriefs(ListBriefsRequest.getDefaultInstance()).getSyncToken();
    assertThat(token).isNotEmpty();

    String articleId = briefOf("Sync is cheap", "One sentence here. Another one there.");
    Delta afterWrite = syncUntil(token, delta -> delta.changedIds().contains(articleId));
    assertThat(afterWrite.removed()).doesNotContain(articleId);

    // Nothing changed since: nothing returned, and the same token back (a cacheable answer).
    String settled = settle(afterWrite.token());
    ListBriefChangesResponse unchanged = changes(settled);
    assertThat(unchanged.getChangedList()).isEmpty();
    assertThat(unchanged.getRemovedArticleIdsList()).isEmpty();
    assertThat(unchanged.getNextToken()).isEqualTo(settled);

    stub().withdrawBrief(WithdrawBriefRequest.newBuilder().setArticleId(articleId).build());
    Delta afterWithdrawal = syncUntil(settled, delta -> delta.removed().contains(articleId));
    assertThat(afterWithdrawal.changedIds()).doesNotContain(articleId);
    assertThat(codeOf(() -> stub().getBrief(getBrief(articleId)))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            codeOf(
                () ->
                    stub()
                        .withdrawBrief(
                            WithdrawBriefRequest.newBuilder().setArticleId(articleId).build())))
        .isEqualTo(Status.Code.NOT_FOUND);

    // A later request makes a new brief, and syncing apps see it come back.
    String again = settle(afterWithdrawal.token());
    stub().requestBrief(RequestBriefRequest.newBuilder().setArticleId(articleId).build());
    syncUntil(again, delta -> delta.changedIds().contains(articleId));
  }

  @Test
  void aChangeCommittedLateIsNeverBehindATokenAlreadyGivenOut() throws SQLException {
    String token = settle(stub().listBriefs(ListBriefsRequest.getDefaultInstance()).getSyncToken());
    UUID slow = UUID.randomUUID();
    UUID fast = UUID.randomUUID();
    try (Connection slowWriter = dataSource.getConnection()) {
      // The slow transaction starts first (older id) and commits last.
      slowWriter.setAutoCommit(false);
      insertBrief(slowWriter, slow);
      try (Connection fastWriter = dataSource.getConnection()) {
        insertBrief(fastWriter, fast); // autocommit
      }
      // While the older transaction runs, the newer change is held back: handing it out now would
      // move the token past the older one's change.
      ListBriefChangesResponse meanwhile = changes(token);
      assertThat(ids(meanwhile.getChangedList())).doesNotContain(fast.toString());
      assertThat(meanwhile.getHeldBack()).as("held back, to be asked for again").isTrue();
      String heldAt = meanwhile.getNextToken();
      slowWriter.commit();

      Delta after = syncUntil(heldAt, delta -> delta.changedIds().contains(fast.toString()));
      assertThat(after.changedIds()).contains(slow.toString(), fast.toString());
    }
  }

  @Test
  void aTokenOlderThanTheTombstonesKeptIsOutOfRangeAndBadTokensAreInvalid() {
    String old = settle(stub().listBriefs(ListBriefsRequest.getDefaultInstance()).getSyncToken());
    String articleId = briefOf("Withdrawn soon", "First sentence of it. Second sentence of it.");
    String withdrawnAfter = syncUntil(old, d -> d.changedIds().contains(articleId)).token();
    stub().withdrawBrief(WithdrawBriefRequest.newBuilder().setArticleId(articleId).build());
    syncUntil(withdrawnAfter, d -> d.removed().contains(articleId));

    // Retention over: the tombstone goes, and so does every token that could still need it.
    QuarkusTransaction.requiringNew()
        .run(() -> changeLog.purgeTombstones(Instant.now().plusSeconds(1)));
    StatusRuntimeException expired =
        catchThrowableOfType(StatusRuntimeException.class, () -> changes(old));
    assertThat(expired.getStatus().getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
    assertThat(expired.getStatus().getDescription()).contains("sync in full");
    String fresh = stub().listBriefs(ListBriefsRequest.getDefaultInstance()).getSyncToken();
    assertThat(changes(fresh).getRemovedArticleIdsList()).doesNotContain(articleId);

    for (String bad : List.of("", "nope", old.substring(0, old.length() - 2))) {
      StatusRuntimeException invalid =
          catchThrowableOfType(StatusRuntimeException.class, () -> changes(bad));
      assertThat(invalid.getStatus().getCode()).as(bad).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
  }

  private record Delta(List<String> changedIds, List<String> removed, String token) {}

  /** Syncs from {@code token} (all pages of each round) until {@code done}; returns the sum. */
  private Delta syncUntil(String token, java.util.function.Predicate<Delta> done) {
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    String[] at = {token};
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              ListBriefChangesResponse page;
              do {
                page = changes(at[0]);
                changed.addAll(ids(page.getChangedList()));
                removed.addAll(page.getRemovedArticleIdsList());
                at[0] = page.getNextToken();
              } while (page.getMore());
              return done.test(new Delta(changed, removed, at[0]));
            });
    return new Delta(changed, removed, at[0]);
  }

  /** Follows {@code token} until a round returns nothing: every change before it is handed out. */
  private String settle(String token) {
    String[] at = {token};
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              ListBriefChangesResponse page = changes(at[0]);
              boolean quiet = page.getChangedCount() == 0 && page.getRemovedArticleIdsCount() == 0;
              at[0] = page.getNextToken();
              return quiet;
            });
    return at[0];
  }

  private ListBriefChangesResponse changes(String token) {
    return stub()
        .listBriefChanges(
            ListBriefChangesRequest.newBuilder().setSinceToken(token).setPageSize(50).build());
  }

  private String briefOf(String title, String text) {
    String articleId = articles.add("Sync Desk", title, text).getId();
    stub().requestBrief(RequestBriefRequest.newBuilder().setArticleId(articleId).build());
    return articleId;
  }

  private static GetBriefRequest getBrief(String articleId) {
    return GetBriefRequest.newBuilder().setArticleId(articleId).build();
  }

  private static List<String> ids(List<Brief> briefs) {
    return briefs.stream().map(Brief::getArticleId).toList();
  }

  private static Status.Code codeOf(ThrowingCallable call) {
    StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(failure).isNotNull();
    return failure.getStatus().getCode();
  }

  /** A DONE job and its brief, written past this service's code as another replica would. */
  private static void insertBrief(Connection connection, UUID articleId) throws SQLException {
    UUID jobId = UUID.randomUUID();
    try (PreparedStatement job =
            connection.prepareStatement(
                "INSERT INTO brief_job (id, article_id, method, content_sha256, state, run_after,"
                    + " title, source_url, source_name, language, created_at, updated_at)"
                    + " VALUES (?, ?, 'extractive', 'none', 'DONE', now(), 't',"
                    + " 'https://a.example/', 's', 'en', now(), now())");
        PreparedStatement brief =
            connection.prepareStatement(
                "INSERT INTO brief (job_id, article_id, title, source_url, source_name, language,"
                    + " lead, sections, method, generated_at)"
                    + " VALUES (?, ?, 't', 'https://a.example/', 's', 'en', 'Lead.', '[]',"
                    + " 'extractive-v2', now())")) {
      job.setObject(1, jobId);
      job.setObject(2, articleId);
      job.executeUpdate();
      brief.setObject(1, jobId);
      brief.setObject(2, articleId);
      brief.executeUpdate();
    }
  }
}
