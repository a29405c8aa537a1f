package io.newsbrief.commons.error;

/** One bad field of a request: which field, and what is wrong with it. */
public record FieldViolation(String field, String description) {

  @Override
  public String toString() {
    return field + ": " + description;
  }
}
