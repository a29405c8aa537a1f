package io.newsbrief.commons.error;

/** The thing a request names does not exist. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
