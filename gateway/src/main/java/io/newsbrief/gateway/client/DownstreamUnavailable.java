package io.newsbrief.gateway.client;

import java.util.function.Predicate;

/**
 * A downstream service could not answer: unreachable, past its deadline, or failing. Counted by the
 * circuit breakers; retried once when it was unreachable, the one failure a retry can fix.
 */
public final class DownstreamUnavailable extends RuntimeException {

  private final boolean unreachable;

  DownstreamUnavailable(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  /** Whether the service could not be reached at all (as opposed to answering with a failure). */
  public boolean unreachable() {
    return unreachable;
  }

  /** The retry condition of every downstream client. */
  public static final class WhenUnreachable implements Predicate<Throwable> {
    @Override
    public boolean test(Throwable failure) {
      return failure instanceof DownstreamUnavailable unavailable && unavailable.unreachable();
    }
  }
}
