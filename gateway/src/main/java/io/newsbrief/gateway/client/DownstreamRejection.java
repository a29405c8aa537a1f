package io.newsbrief.gateway.client;

import io.newsbrief.commons.error.FieldViolation;
import java.util.List;

/**
 * A downstream service refused the request itself (bad input, unknown id, conflict): the caller's
 * problem, not the downstream's, so it is neither retried nor counted by the circuit breakers.
 * Field names are the JSON API's ({@code sourceName}, {@code cursor}), not the proto's.
 */
public final class DownstreamRejection extends RuntimeException {

  /** What kind of refusal, independent of the wire protocol. */
  public enum Reason {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    /** A position (a sync token) older than what the service keeps: start over. */
    EXPIRED
  }

  private final Reason reason;
  private final transient List<FieldViolation> violations;

  DownstreamRejection(Reason reason, String detail, List<FieldViolation> violations) {
    super(detail);
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  public Reason reason() {
    return reason;
  }

  /** The bad fields, for {@link Reason#INVALID}; often empty otherwise. */
  public List<FieldViolation> violations() {
    return violations;
  }
}
