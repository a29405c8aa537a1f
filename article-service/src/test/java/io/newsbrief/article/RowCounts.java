package io.newsbrief.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Row counts by native SQL, each in a transaction of its own: for tests that watch work land. */
public final class RowCounts {

  private RowCounts() {}

  /** {@code SELECT count(*) …} with positional parameters {@code ?1, ?2, …}. */
  public static long count(EntityManager entityManager, String sql, Object... parameters) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Query query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              return ((Number) query.getSingleResult()).longValue();
            });
  }
}
