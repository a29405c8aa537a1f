package io.newsbrief.summary.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The feed's change log (written by a trigger on {@code brief}, see V3): one row per article that
 * has or had a brief, positioned by the transaction that last changed it.
 */
@ApplicationScoped
public class BriefChangeLog {

  /** A place in the log: everything at or before it has been handed out. */
  public record Position(long txid, UUID articleId) {

    private static final UUID FIRST = new UUID(0, 0);

    /** Before every change of transaction {@code txid} and later ones. */
    static Position before(long txid) {
      return new Position(txid, FIRST);
    }
  }

  /** An article's latest change: a brief written, or all its briefs removed. */
  public record Change(Position position, boolean removed) {}

  /**
   * Changes after {@code after}, oldest first, and the position up to which the log is complete.
   */
  public record Changes(List<Change> changes, Position complete) {}

  private final EntityManager entities;

  BriefChangeLog(EntityManager entities) {
    this.entities = entities;
  }

  /**
   * Every transaction before the returned position has ended: nothing can be added behind it. Call
   * before reading the rows it bounds (a later statement's snapshot sees all of them).
   */
  public Position now() {
    Object xmin =
        entities
            .createNativeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
            .getSingleResult();
    return Position.before(Long.parseLong((String) xmin));
  }

  /**
   * The last change before {@code bound} (from {@link #now}), or the horizon when there is none: a
   * token from here misses nothing, and stays the same until the next change (so answers that carry
   * it keep their ETag).
   */
  public Position latestBefore(Position bound) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(
                "SELECT txid::text, article_id FROM brief_change WHERE txid < CAST(?1 AS xid8)"
                    + " ORDER BY txid DESC, article_id DESC LIMIT 1")
            .setParameter(1, Long.toString(bound.txid()))
            .getResultList();
    long horizon = horizon();
    if (rows.isEmpty() || Long.parseLong((String) rows.get(0)[0]) < horizon) {
      return Position.before(horizon);
    }
    return new Position(Long.parseLong((String) rows.get(0)[0]), (UUID) rows.get(0)[1]);
  }

  /** The oldest position still answerable: tombstones behind it were purged. */
  public long horizon() {
    Object txid =
        entities.createNativeQuery("SELECT txid::text FROM brief_change_horizon").getSingleResult();
    return Long.parseLong((String) txid);
  }

  /**
   * Up to {@code limit} changes after {@code after} and before {@code bound} (from {@link #now}),
   * in log order.
   */
  public List<Change> after(Position after, Position bound, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(
                "SELECT txid::text, article_id, removed FROM brief_change"
                    + " WHERE (txid, article_id) > (CAST(?1 AS xid8), ?2)"
                    + " AND txid < CAST(?3 AS xid8)"
                    + " ORDER BY txid, article_id LIMIT ?4")
            .setParameter(1, Long.toString(after.txid()))
            .setParameter(2, after.articleId())
            .setParameter(3, Long.toString(bound.txid()))
            .setParameter(4, limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Change(
                    new Position(Long.parseLong((String) row[0]), (UUID) row[1]), (Boolean) row[2]))
        .toList();
  }

  /**
   * Whether committed changes wait at or past {@code bound}: held back behind a transaction that
   * was still running when the bound was taken, to be handed out once it ends.
   */
  public boolean anyFrom(Position bound) {
    return !entities
        .createNativeQuery("SELECT 1 FROM brief_change WHERE txid >= CAST(?1 AS xid8) LIMIT 1")
        .setParameter(1, Long.toString(bound.txid()))
        .getResultList()
        .isEmpty();
  }

  /**
   * Drops tombstones recorded before {@code before} and moves the horizon past them.
   *
   * @return how many were dropped
   */
  public int purgeTombstones(Instant before) {
    List<?> purged =
        entities
            .createNativeQuery(
                "DELETE FROM brief_change WHERE removed AND changed_at < ?1 RETURNING txid::text")
            .setParameter(1, before)
            .getResultList();
    long newest = purged.stream().mapToLong(txid -> Long.parseLong((String) txid)).max().orElse(0);
    if (newest > 0) {
      entities
          .createNativeQuery(
              "UPDATE brief_change_horizon SET txid = greatest(txid, CAST(?1 AS xid8))")
          .setParameter(1, Long.toString(newest + 1))
          .executeUpdate();
    }
    return purged.size();
  }
}
