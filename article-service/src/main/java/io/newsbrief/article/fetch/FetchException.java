package io.newsbrief.article.fetch;

import java.time.Duration;

/** A fetch that gave no usable answer; the message says why, for a feed's status. */
public class FetchException extends Exception {

  public enum Kind {
    /** Refused before connecting: scheme or address not allowed (SSRF guard). */
    REFUSED,
    TIMEOUT,
    TOO_LARGE,
    /** An answer other than 2xx or 304 (or a redirect chain that went wrong). */
    HTTP_STATUS,
    NETWORK
  }

  private final Kind kind;
  private final int httpStatus;
  private final Duration retryAfter;

  public FetchException(Kind kind, String message) {
    this(kind, 0, message);
  }

  public FetchException(Kind kind, int httpStatus, String message) {
    this(kind, httpStatus, message, Duration.ZERO);
  }

  public FetchException(Kind kind, int httpStatus, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The status of the last answer, 0 when there was none. */
  public int httpStatus() {
    return httpStatus;
  }

  /** How long the server asked to be left alone (Retry-After), zero when it did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
