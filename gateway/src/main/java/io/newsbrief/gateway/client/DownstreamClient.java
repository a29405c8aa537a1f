package io.newsbrief.gateway.client;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.newsbrief.gateway.config.GatewayConfig;
import io.quarkus.arc.NoClassInterceptors;
import io.smallrye.faulttolerance.api.RetryWhen;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * What every gRPC client of the gateway shares, so that a client holds only its mapping: each call
 * gets its own deadline (a configured one would run from start-up, quarkus#30082); an unreachable
 * service is retried once (every operation is idempotent downstream); a circuit breaker per
 * operation stops calling a service that keeps failing; failures leave as {@link
 * DownstreamRejection} (never retried nor counted) or {@link DownstreamUnavailable}, never as gRPC
 * types. The annotations are inherited by the subclasses' public methods; the subclasses are
 * {@code @Singleton} (a normal scope's client proxy would need a no-argument constructor).
 */
@Retry(maxRetries = 1, delay = 50)
@RetryWhen(exception = DownstreamUnavailable.WhenUnreachable.class)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 5000,
    skipOn = DownstreamRejection.class)
abstract class DownstreamClient<S extends AbstractStub<S>> {

  private final String service;
  private final S stub;
  private final long deadlineMillis;

  DownstreamClient(String service, S stub, GatewayConfig config) {
    this.service = service;
    this.stub = stub;
    this.deadlineMillis = config.downstreamDeadline().toMillis();
  }

  /**
   * One call on a stub with a fresh deadline; the public operation around it is the guarded one.
   */
  @NoClassInterceptors
  protected <T> T call(Function<S, T> rpc) {
    try {
      return rpc.apply(stub.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS));
    } catch (StatusRuntimeException e) {
      throw GrpcFailures.translate(service, e);
    }
  }

  static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
