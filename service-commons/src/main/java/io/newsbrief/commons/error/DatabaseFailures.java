package io.newsbrief.commons.error;

import java.sql.SQLException;

/** What a failed database call says about the database: reachable or not, timed out or not. */
public final class DatabaseFailures {

  private static final String QUERY_CANCELED = "57014";

  private DatabaseFailures() {}

  /**
   * Whether the database could not be reached: SQLState class 08 (connection exception), 57P
   * (operator intervention, e.g. a shutdown), or none at all (the pool's acquisition timeout).
   */
  public static boolean isUnreachable(Throwable failure) {
    SQLException sql = sqlCause(failure);
    for (SQLException e = sql; e != null; e = e.getNextException()) {
      String state = e.getSQLState();
      if (state == null || state.startsWith("08") || state.startsWith("57P")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the database refused a value the caller sent (SQLState class 22, data exception: a NUL
   * in text, an out-of-range number): the caller's error, not the database's.
   */
  public static boolean isRefusedValue(Throwable failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
  }

  /** Whether a statement was cancelled by its timeout. */
  public static boolean isTimeout(Throwable failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && QUERY_CANCELED.equals(sql.getSQLState());
  }

  /** The first SQLException in a failure's causes, or null. */
  public static SQLException sqlCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
