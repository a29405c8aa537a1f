package io.newsbrief.article.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsbrief.article.repository.FeedRepository;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feed entries are remembered while their feed lists them, and forgotten a retention after. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FeedEntryPrunerTest {

  @Inject FeedEntryPruner pruner;
  @Inject FeedRepository feeds;
  @Inject EntityManager entityManager;

  UUID feedId;

  @BeforeEach
  void pausedFeed() {
    feedId = UUID.randomUUID();
    sql("TRUNCATE feed CASCADE");
    // Paused: the poller leaves it alone.
    sql(
        "INSERT INTO feed (id, url, canonical_url, poll_interval_seconds, paused, created_at,"
            + " next_poll_at) VALUES ('"
            + feedId
            + "', 'https://news.example/rss', 'https://news.example/rss', 900, true, now(), now())");
  }

  @Test
  void forgetsOnlyEntriesTheFeedStoppedListing() {
    entry("gone", Duration.ofDays(40));
    entry("listed-for-long", Duration.ofDays(40));
    entry("seen-this-morning", Duration.ofHours(2));

    // A poll that still lists two of them (and a new entry).
    Set<String> settled =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    feeds.settledEntryKeys(
                        feedId,
                        List.of("listed-for-long", "seen-this-morning", "new"),
                        3,
                        EntryIngester.SEEN_REFRESH));
    assertThat(settled).containsExactlyInAnyOrder("listed-for-long", "seen-this-morning");

    Map<String, Instant> before = seenAt();
    assertThat(before.get("listed-for-long")).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
    assertThat(before.get("seen-this-morning"))
        .as("seen within the refresh period: not written again")
        .isBefore(Instant.now().minus(Duration.ofHours(1)));

    assertThat(pruner.prune()).isEqualTo(1);
    assertThat(seenAt().keySet()).containsExactlyInAnyOrder("listed-for-long", "seen-this-morning");
    assertThat(pruner.prune()).as("nothing left to forget").isZero();
  }

  @Test
  void forgetsALargeBacklogInSeveralTransactions() {
    sql(
        "INSERT INTO feed_entry (feed_id, entry_key, outcome, seen_at) SELECT '"
            + feedId
            + "', 'old-' || n, 'duplicate', now() - interval '90 days'"
            + " FROM generate_series(1, 12000) AS n");
    entry("current", Duration.ZERO);

    assertThat(pruner.prune()).isEqualTo(12_000);
    assertThat(seenAt().keySet()).containsExactly("current");
  }

  private void entry(String key, Duration seenAgo) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "INSERT INTO feed_entry (feed_id, entry_key, outcome, seen_at)"
                            + " VALUES (?1, ?2, 'created', ?3)")
                    .setParameter(1, feedId)
                    .setParameter(2, key)
                    .setParameter(3, Instant.now().minus(seenAgo))
                    .executeUpdate());
  }

  private Map<String, Instant> seenAt() {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "SELECT entry_key, seen_at FROM feed_entry", Object[].class)
                        .getResultList());
    return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Instant) row[1]));
  }

  private void sql(String statement) {
    QuarkusTransaction.requiringNew()
        .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
  }
}
