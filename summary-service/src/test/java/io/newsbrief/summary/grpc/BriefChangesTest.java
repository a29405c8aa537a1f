package io.newsbrief.summary.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.SummaryService;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc.SummaryServiceBlockingStub;
import io.newsbrief.proto.summary.v1.WatchBriefChangesRequest;
import io.newsbrief.summary.client.FakeArticles;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * WatchBriefChanges over a real channel: live marker first, then every committed job change, via
 * NOTIFY.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BriefChangesTest {

  private static final String LIVE = "(live)";

  @GrpcClient("summaries")
  SummaryServiceBlockingStub summaries;

  @GrpcClient("summaries")
  SummaryService mutinySummaries;

  @Inject FakeArticles articles;

  @Inject AgroalDataSource dataSource;

  @Test
  void announcesLiveThenEveryChangeOfAnArticlesBrief() {
    List<String> heard = new CopyOnWriteArrayList<>();
    Cancellable subscription = watchUntilLive(heard);
    try {
      assertThat(heard.get(0)).as("the live marker").isEqualTo(LIVE);

      String articleId =
          articles
              .add("Wire", "Changes are announced", "One sentence here. Another one there.")
              .getId();
      summaries
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .requestBrief(RequestBriefRequest.newBuilder().setArticleId(articleId).build());

      // Requested, claimed, done: at least the request and the completion are heard.
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(heard.stream().filter(articleId::equals).count())
                      .isGreaterThanOrEqualTo(2));
      // A snapshot: more changes may still arrive while it is checked.
      List<String> snapshot = List.copyOf(heard);
      assertThat(snapshot.subList(1, snapshot.size())).doesNotContain(LIVE, "");
    } finally {
      subscription.cancel();
    }
  }

  @Test
  void announcesCommittedChangesFromAnyWriterAndNeverRolledBackOnes() throws SQLException {
    List<String> heard = new CopyOnWriteArrayList<>();
    Cancellable subscription = watchUntilLive(heard);
    try {
      UUID rolledBack = UUID.randomUUID();
      UUID committed = UUID.randomUUID();
      // Another replica's transactions, written past this one's code: the database announces them.
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        insertFailedJob(connection, rolledBack);
        connection.rollback();
        insertFailedJob(connection, committed);
        connection.commit();
      }

      await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(committed.toString()));
      // Notifications arrive in commit order: the rolled-back one would have come first.
      assertThat(heard).doesNotContain(rolledBack.toString());
    } finally {
      subscription.cancel();
    }
  }

  /** Subscribes to WatchBriefChanges, collecting into {@code heard}; returns once one arrived. */
  private Cancellable watchUntilLive(List<String> heard) {
    Cancellable subscription =
        mutinySummaries
            .watchBriefChanges(WatchBriefChangesRequest.getDefaultInstance())
            .subscribe()
            .with(change -> heard.add(change.getLive() ? LIVE : change.getArticleId()));
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
    } catch (RuntimeException notLive) {
      subscription.cancel();
      throw notLive;
    }
    return subscription;
  }

  private static void insertFailedJob(Connection connection, UUID articleId) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO brief_job (id, article_id, method, content_sha256, state, run_after,"
                + " title, source_url, source_name, language, created_at, updated_at)"
                + " VALUES (?, ?, 'extractive', 'none', 'FAILED', now(), 't', 'https://a.example/',"
                + " 's', 'en', now(), now())")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setObject(2, articleId);
      insert.executeUpdate();
    }
  }
}
