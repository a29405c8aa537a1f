package io.newsbrief.gateway.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** What every downstream client does alike: classify failures, map empty proto strings. */
final class Downstream {

  private Downstream() {}

  /** Runs a gRPC call; a rejection of the request becomes a {@link DownstreamRejection}. */
  static <T> T call(Supplier<T> grpcCall) {
    try {
      return grpcCall.get();
    } catch (StatusRuntimeException e) {
      throw DownstreamRejection.classify(e);
    }
  }

  static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /** Retry only what a retry can fix: the service being unreachable. */
  public static final class IsUnavailable implements Predicate<Throwable> {
    @Override
    public boolean test(Throwable failure) {
      return failure instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.UNAVAILABLE;
    }
  }
}
