package io.newsbrief.commons.error;

/** A service this one depends on did not answer, or answered with an error; retrying may help. */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
