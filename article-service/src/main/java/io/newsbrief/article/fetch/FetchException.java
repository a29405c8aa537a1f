package io.newsbrief.article.fetch;

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

  public FetchException(Kind kind, String message) {
    this(kind, 0, message);
  }

  public FetchException(Kind kind, int httpStatus, String message) {
    super(message);
    this.kind = kind;
    this.httpStatus = httpStatus;
  }

  public Kind kind() {
    return kind;
  }

  /** The status of the last answer, 0 when there was none. */
  public int httpStatus() {
    return httpStatus;
  }
}
