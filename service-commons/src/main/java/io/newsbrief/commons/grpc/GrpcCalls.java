package io.newsbrief.commons.grpc;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** The one shape of a unary gRPC method: run the work, map its failure to a status. */
public final class GrpcCalls {

  private GrpcCalls() {}

  public static <T> Uni<T> unary(Supplier<T> work) {
    return Uni.createFrom().item(work).onFailure().transform(GrpcStatusMapper::toStatus);
  }
}
