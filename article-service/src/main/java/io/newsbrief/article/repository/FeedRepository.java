package io.newsbrief.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** The SQL of feeds and their entries. */
@ApplicationScoped
public class FeedRepository implements PanacheRepositoryBase<Feed, UUID> {

  /** What became of a feed entry. */
  public enum EntryOutcome {
    CREATED,
    DUPLICATE,
    REJECTED,
    FAILED
  }

  /** One handled entry: {@code articleId} is the stored article for CREATED and DUPLICATE. */
  public record EntryRecord(String key, EntryOutcome outcome, UUID articleId, String detail) {}

  /** What a successful poll learnt. {@code title} empty and validators null keep the old ones. */
  public record PollSuccess(
      int httpStatus,
      String title,
      String etag,
      String lastModified,
      int entriesSeen,
      int articlesCreated,
      Instant nextPollAt) {}

  /**
   * Stores a new feed unless its canonical URL is registered; safe under concurrent registrations
   * (the unique constraint decides).
   *
   * @return null when stored, else the id of the feed already registered
   */
  public UUID insertUnlessRegistered(Feed feed) {
    int inserted =
        getEntityManager()
            .createNativeQuery(
                "INSERT INTO feed (id, url, canonical_url, title, source_name,"
                    + " poll_interval_seconds, created_at, next_poll_at) VALUES (:id, :url,"
                    + " :canonicalUrl, '', :sourceName, :interval, :createdAt, :createdAt)"
                    + " ON CONFLICT (canonical_url) DO NOTHING")
            .setParameter("id", feed.id)
            .setParameter("url", feed.url)
            .setParameter("canonicalUrl", feed.canonicalUrl)
            .setParameter("sourceName", feed.sourceName)
            .setParameter("interval", feed.pollIntervalSeconds)
            .setParameter("createdAt", feed.createdAt)
            .executeUpdate();
    if (inserted == 1) {
      return null;
    }
    Feed existing = find("canonicalUrl", feed.canonicalUrl).firstResult();
    return existing == null ? null : existing.id;
  }

  /** One page of feeds, oldest registration first, after a position (null: from the start). */
  public List<Feed> listPage(ListPosition after, int limit) {
    if (after == null) {
      return find("order by createdAt, id").page(0, limit).list();
    }
    return find(
            "(createdAt, id) > (:createdAt, :id) order by createdAt, id",
            Parameters.with("createdAt", after.createdAt()).and("id", after.id()))
        .page(0, limit)
        .list();
  }

  /** Where a page of feeds ends: the last feed's registration time and id. */
  public record ListPosition(Instant createdAt, UUID id) {}

  /**
   * Leases up to {@code limit} due feeds to the caller. Rows locked by another replica's claim are
   * skipped, and a leased feed is not due again until its lease ends (a poller that died holding it
   * only delays it by the lease).
   */
  public List<UUID> claimDue(int limit, Duration lease) {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement claim =
                  connection.prepareStatement(
                      "UPDATE feed SET lease_until = now() + make_interval(secs => ?)"
                          + " WHERE id IN (SELECT id FROM feed WHERE NOT paused"
                          + " AND next_poll_at <= now()"
                          + " AND (lease_until IS NULL OR lease_until < now())"
                          + " ORDER BY next_poll_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                          + " RETURNING id")) {
                claim.setDouble(1, lease.toMillis() / 1000.0);
                claim.setInt(2, limit);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                  while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                  }
                }
                return ids;
              }
            });
  }

  public void recordSuccess(UUID feedId, PollSuccess poll) {
    getEntityManager()
        .createNativeQuery(
            "UPDATE feed SET lease_until = NULL, last_polled_at = now(), last_success_at = now(),"
                + " last_error = '', consecutive_failures = 0, last_http_status = :status,"
                + " title = CASE WHEN :title = '' THEN title ELSE :title END,"
                + " etag = COALESCE(:etag, etag), last_modified = COALESCE(:lastModified,"
                + " last_modified), entries_seen = entries_seen + :entries,"
                + " articles_created = articles_created + :created, next_poll_at = :nextPollAt"
                + " WHERE id = :id")
        .setParameter("status", poll.httpStatus())
        .setParameter("title", poll.title())
        .setParameter("etag", poll.etag())
        .setParameter("lastModified", poll.lastModified())
        .setParameter("entries", poll.entriesSeen())
        .setParameter("created", poll.articlesCreated())
        .setParameter("nextPollAt", poll.nextPollAt())
        .setParameter("id", feedId)
        .executeUpdate();
  }

  /** Records a failed poll and when to try again. */
  public void recordFailure(UUID feedId, int httpStatus, String error, Instant nextPollAt) {
    getEntityManager()
        .createNativeQuery(
            "UPDATE feed SET lease_until = NULL, last_polled_at = now(), last_error = :error,"
                + " last_http_status = :status, consecutive_failures = consecutive_failures + 1,"
                + " next_poll_at = :nextPollAt WHERE id = :id")
        .setParameter("error", error)
        .setParameter("status", httpStatus)
        .setParameter("nextPollAt", nextPollAt)
        .setParameter("id", feedId)
        .executeUpdate();
  }

  /**
   * The keys among {@code keys} that earlier polls of the feed have settled: stored, duplicate,
   * rejected, or failed {@code maxAttempts} times. The feed lists them still, so they are marked
   * seen (at most once a {@code seenRefresh}, to keep the writes few): what {@link #pruneEntries}
   * removes is only what the feed stopped listing.
   */
  public Set<String> settledEntryKeys(
      UUID feedId, Collection<String> keys, int maxAttempts, Duration seenRefresh) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "WITH settled AS (SELECT feed_id, entry_key, seen_at FROM feed_entry"
                          + "   WHERE feed_id = ? AND entry_key = ANY (?)"
                          + "   AND (outcome <> 'failed' OR attempts >= ?)),"
                          + " touched AS (UPDATE feed_entry e SET seen_at = clock_timestamp()"
                          + "   FROM settled s WHERE (e.feed_id, e.entry_key) = (s.feed_id, s.entry_key)"
                          + "   AND s.seen_at < clock_timestamp() - make_interval(secs => ?))"
                          + " SELECT entry_key FROM settled")) {
                select.setObject(1, feedId);
                select.setArray(2, connection.createArrayOf("text", keys.toArray()));
                select.setInt(3, maxAttempts);
                select.setLong(4, seenRefresh.toSeconds());
                Set<String> settled = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    settled.add(rows.getString(1));
                  }
                }
                return settled;
              }
            });
  }

  /**
   * Deletes up to {@code limit} entries no poll has seen since {@code notSeenSince}: their feeds
   * stopped listing them (or were removed long ago), so nothing will ask about them again.
   *
   * @return how many were deleted
   */
  public int pruneEntries(Instant notSeenSince, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "DELETE FROM feed_entry WHERE ctid = ANY (ARRAY("
                + " SELECT ctid FROM feed_entry WHERE seen_at < ?1 LIMIT ?2))")
        .setParameter(1, notSeenSince)
        .setParameter(2, limit)
        .executeUpdate();
  }

  /** Records (or, for an entry tried before, updates) what became of entries, in one statement. */
  public void recordEntries(UUID feedId, List<EntryRecord> entries) {
    if (entries.isEmpty()) {
      return;
    }
    session()
        .doWork(
            connection -> {
              try (PreparedStatement upsert =
                  connection.prepareStatement(
                      "INSERT INTO feed_entry (feed_id, entry_key, outcome, article_id, detail,"
                          + " seen_at) SELECT ?, k, o, a, d, ? FROM unnest(?::text[], ?::text[],"
                          + " ?::uuid[], ?::text[]) AS e(k, o, a, d)"
                          + " ON CONFLICT (feed_id, entry_key) DO UPDATE SET"
                          + " outcome = excluded.outcome, article_id = excluded.article_id,"
                          + " detail = excluded.detail, seen_at = excluded.seen_at,"
                          + " attempts = feed_entry.attempts + 1")) {
                upsert.setObject(1, feedId);
                upsert.setTimestamp(2, Timestamp.from(Instant.now()));
                upsert.setArray(
                    3,
                    connection.createArrayOf(
                        "text", entries.stream().map(EntryRecord::key).toArray()));
                upsert.setArray(
                    4,
                    connection.createArrayOf(
                        "text",
                        entries.stream().map(e -> e.outcome().name().toLowerCase()).toArray()));
                upsert.setArray(
                    5,
                    connection.createArrayOf(
                        "uuid", entries.stream().map(EntryRecord::articleId).toArray()));
                upsert.setArray(
                    6,
                    connection.createArrayOf(
                        "text", entries.stream().map(EntryRecord::detail).toArray()));
                upsert.executeUpdate();
              }
            });
  }

  private Session session() {
    return getEntityManager().unwrap(Session.class);
  }
}
