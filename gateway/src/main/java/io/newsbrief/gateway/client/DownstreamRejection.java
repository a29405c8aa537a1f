package io.newsbrief.gateway.client;

import io.grpc.StatusRuntimeException;

/**
 * A downstream service refused the request itself (bad input, unknown id): the caller's problem,
 * not the downstream's, so it is neither retried nor counted by the circuit breakers.
 */
public class DownstreamRejection extends RuntimeException {

  private final transient StatusRuntimeException status;

  public DownstreamRejection(StatusRuntimeException status) {
    super(status.getStatus().getDescription(), status);
    this.status = status;
  }

  public StatusRuntimeException status() {
    return status;
  }

  /** The rejections among gRPC failures; everything else is the downstream's failure. */
  static RuntimeException classify(StatusRuntimeException failure) {
    return switch (failure.getStatus().getCode()) {
      case INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION, OUT_OF_RANGE ->
          new DownstreamRejection(failure);
      default -> failure;
    };
  }
}
