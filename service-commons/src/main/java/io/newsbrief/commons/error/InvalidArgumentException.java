package io.newsbrief.commons.error;

import java.util.List;
import java.util.stream.Collectors;

/** A request was rejected for the listed field violations; nothing was written. */
public class InvalidArgumentException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidArgumentException(List<FieldViolation> violations) {
    super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public InvalidArgumentException(String field, String description) {
    this(List.of(new FieldViolation(field, description)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
