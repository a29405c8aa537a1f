package io.newsbrief.commons.error;

/**
 * The request names a position the service no longer keeps (a sync token older than the change
 * log's retention): the caller must start over (a full sync), not retry.
 */
public class ExpiredException extends RuntimeException {

  private final String field;

  public ExpiredException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
