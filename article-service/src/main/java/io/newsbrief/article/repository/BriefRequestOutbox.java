package io.newsbrief.article.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Briefs still to be requested from summary-service: of stored articles (rows written with the
 * article, {@link ArticleRepository#insertNew}) and of stories whose members changed ({@link
 * #requestStories}). A relay claims due rows with a lease (so several replicas share the work and a
 * crashed relay's rows come due again) and deletes each only after summary-service accepted it.
 */
@ApplicationScoped
public class BriefRequestOutbox {

  /** What a brief is asked for: each has its own outbox table, keyed by the subject's id. */
  public enum Subject {
    ARTICLE("brief_request", "article_id"),
    STORY("story_brief_request", "story_id");

    private final String table;
    private final String key;

    Subject(String table, String key) {
      this.table = table;
      this.key = key;
    }
  }

  private final EntityManager entityManager;

  BriefRequestOutbox(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A leased outbox row: whose brief, and how many attempts this one makes. */
  public record DueRequest(Subject subject, UUID id, int attempts) {}

  /**
   * Asks for the briefs of stories whose members changed, in the caller's transaction. A row that
   * waits is re-armed (due now, attempts from 0), so a delivery already in flight, which may have
   * read the members before this change, does not delete it ({@link #delivered}).
   */
  public void requestStories(Collection<UUID> storyIds) {
    if (storyIds.isEmpty()) {
      return;
    }
    UUID[] sorted = storyIds.stream().sorted().toArray(UUID[]::new);
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO story_brief_request (story_id, run_after)"
                          + " SELECT unnest(?::uuid[]), now()"
                          + " ON CONFLICT (story_id) DO UPDATE SET attempts = 0, run_after = now()")) {
                insert.setArray(1, connection.createArrayOf("uuid", sorted));
                insert.executeUpdate();
              }
            });
  }

  /**
   * Leases up to {@code limit} due rows of {@code subject} for {@code lease}, counting the attempt.
   */
  @SuppressWarnings("unchecked")
  public List<DueRequest> claimDue(Subject subject, int limit, Duration lease) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "UPDATE %1$s SET attempts = attempts + 1,".formatted(subject.table)
                    + " run_after = now() + make_interval(secs => ?2)"
                    + " WHERE %2$s IN (SELECT %2$s FROM %1$s WHERE run_after <= now()"
                        .formatted(subject.table, subject.key)
                    + "   ORDER BY run_after LIMIT ?1 FOR UPDATE SKIP LOCKED)"
                    + " RETURNING %s, attempts".formatted(subject.key))
            .setParameter(1, limit)
            .setParameter(2, lease.toMillis() / 1000.0)
            .getResultList();
    return rows.stream()
        .map(row -> new DueRequest(subject, (UUID) row[0], ((Number) row[1]).intValue()))
        .toList();
  }

  /**
   * Deletes delivered rows of one subject. A story row is kept when a later change re-armed it (its
   * lease was replaced): summary-service must hear of that change too.
   */
  public void delivered(List<DueRequest> requests) {
    Subject subject = requests.get(0).subject();
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement delete =
                  connection.prepareStatement(
                      "DELETE FROM %1$s USING unnest(?::uuid[], ?::int[]) AS d(id, attempts)"
                              .formatted(subject.table)
                          + " WHERE %1$s.%2$s = d.id AND %1$s.attempts = d.attempts"
                              .formatted(subject.table, subject.key))) {
                delete.setArray(
                    1,
                    connection.createArrayOf(
                        "uuid", requests.stream().map(DueRequest::id).toArray()));
                delete.setArray(
                    2,
                    connection.createArrayOf(
                        "integer", requests.stream().map(DueRequest::attempts).toArray()));
                delete.executeUpdate();
              }
            });
  }

  /** Tries again after {@code backoff}, keeping why the last attempt failed. */
  public void failed(DueRequest request, Duration backoff, String error) {
    entityManager
        .createNativeQuery(
            "UPDATE %s SET run_after = now() + make_interval(secs => ?2), last_error = ?3 WHERE %s = ?1"
                .formatted(request.subject().table, request.subject().key))
        .setParameter(1, request.id())
        .setParameter(2, backoff.toMillis() / 1000.0)
        .setParameter(3, error)
        .executeUpdate();
  }

  /** How many brief requests wait (due or leased), for the outbox-depth gauge. */
  public long depth() {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "SELECT (SELECT count(*) FROM brief_request)"
                        + " + (SELECT count(*) FROM story_brief_request)")
                .getSingleResult())
        .longValue();
  }
}
