package io.newsbrief.article.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Articles whose brief still has to be requested from summary-service. Rows are written with the
 * article ({@link ArticleRepository#insertNew}); a relay claims due rows with a lease (so several
 * replicas share the work and a crashed relay's rows come due again) and deletes each only after
 * summary-service accepted it.
 */
@ApplicationScoped
public class BriefRequestOutbox {

  private final EntityManager entityManager;

  BriefRequestOutbox(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A leased outbox row: which article, and how many attempts this one makes. */
  public record DueRequest(UUID articleId, int attempts) {}

  /** Leases up to {@code limit} due rows for {@code lease}, counting the attempt. */
  @SuppressWarnings("unchecked")
  public List<DueRequest> claimDue(int limit, Duration lease) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "UPDATE brief_request SET attempts = attempts + 1,"
                    + " run_after = now() + make_interval(secs => ?2)"
                    + " WHERE article_id IN (SELECT article_id FROM brief_request WHERE run_after <= now()"
                    + "   ORDER BY run_after LIMIT ?1 FOR UPDATE SKIP LOCKED)"
                    + " RETURNING article_id, attempts")
            .setParameter(1, limit)
            .setParameter(2, lease.toMillis() / 1000.0)
            .getResultList();
    return rows.stream()
        .map(row -> new DueRequest((UUID) row[0], ((Number) row[1]).intValue()))
        .toList();
  }

  public void delivered(UUID articleId) {
    entityManager
        .createNativeQuery("DELETE FROM brief_request WHERE article_id = ?1")
        .setParameter(1, articleId)
        .executeUpdate();
  }

  /** Tries again after {@code backoff}, keeping why the last attempt failed. */
  public void failed(UUID articleId, Duration backoff, String error) {
    entityManager
        .createNativeQuery(
            "UPDATE brief_request SET run_after = now() + make_interval(secs => ?2), last_error = ?3"
                + " WHERE article_id = ?1")
        .setParameter(1, articleId)
        .setParameter(2, backoff.toMillis() / 1000.0)
        .setParameter(3, error)
        .executeUpdate();
  }

  /** How many brief requests wait (due or leased), for the outbox-depth gauge. */
  public long depth() {
    return ((Number)
            entityManager.createNativeQuery("SELECT count(*) FROM brief_request").getSingleResult())
        .longValue();
  }
}
