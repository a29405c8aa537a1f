package io.newsbrief.commons.error;

/**
 * The request is valid but clashes with the current state: the thing already exists ({@link
 * Kind#ALREADY_EXISTS}) or is not in a state that allows the operation ({@link
 * Kind#FAILED_PRECONDITION}).
 */
public class ConflictException extends RuntimeException {

  public enum Kind {
    ALREADY_EXISTS,
    FAILED_PRECONDITION
  }

  private final Kind kind;

  public ConflictException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
