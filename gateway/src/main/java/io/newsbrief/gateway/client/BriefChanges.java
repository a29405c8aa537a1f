package io.newsbrief.gateway.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.commons.concurrent.DaemonThreads;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.proto.summary.v1.MutinySummaryServiceGrpc.MutinySummaryServiceStub;
import io.newsbrief.proto.summary.v1.WatchBriefChangesRequest;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows summary-service's WatchBriefChanges and passes it on as CDI events: {@link Live} when the
 * stream is (again) complete from here on, {@link Changed} per article, {@link Lost} when it ended
 * and changes may be missed until the next {@link Live}. The stream has a deadline and is opened
 * again when it ends (at once after its deadline, with a doubling wait after failures).
 */
@ApplicationScoped
public class BriefChanges {

  /** What a brief cache needs to hear. */
  public sealed interface Signal permits Live, Changed, Lost {}

  public record Live() implements Signal {}

  public record Changed(String articleId) implements Signal {}

  public record Lost() implements Signal {}

  private static final Duration STREAM_DEADLINE = Duration.ofMinutes(10);
  private static final Duration RETRY_INITIAL = Duration.ofMillis(500);

  private final MutinySummaryServiceStub summaries;
  private final Duration retryMax;
  private final Event<Signal> signals;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("brief-changes-retry"));
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean running = true;
  private volatile Cancellable subscription;
  private volatile Duration retry = RETRY_INITIAL;

  BriefChanges(
      @GrpcClient("summaries") MutinySummaryServiceStub summaries,
      Event<Signal> signals,
      GatewayConfig config) {
    this.summaries = summaries;
    this.retryMax = config.briefChangesRetryMax();
    this.signals = signals;
  }

  /**
   * Starts following, once. Called on the first read rather than at start-up: an attempt before the
   * channel's peer is up would put the channel, shared with every summary-service call, into gRPC's
   * reconnect backoff.
   */
  public void ensureFollowing() {
    if (started.compareAndSet(false, true)) {
      follow();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    retries.shutdownNow();
    Cancellable current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  private void follow() {
    if (!running) {
      return;
    }
    subscription =
        summaries
            .withDeadlineAfter(STREAM_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
            .watchBriefChanges(WatchBriefChangesRequest.getDefaultInstance())
            // Off the event loop, in order: observers may block (cache invalidation).
            .emitOn(Infrastructure.getDefaultWorkerPool())
            .subscribe()
            .with(
                change -> {
                  if (change.getLive()) {
                    retry = RETRY_INITIAL;
                    signals.fire(new Live());
                  } else {
                    signals.fire(new Changed(change.getArticleId()));
                  }
                },
                this::ended,
                () -> ended(null));
  }

  private void ended(Throwable failure) {
    signals.fire(new Lost());
    if (!running) {
      return;
    }
    boolean planned =
        failure instanceof StatusRuntimeException status
            && status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED;
    Duration wait = planned ? Duration.ZERO : retry;
    retry = retry.multipliedBy(2).compareTo(retryMax) > 0 ? retryMax : retry.multipliedBy(2);
    retries.schedule(
        () -> {
          try {
            follow();
          } catch (Throwable t) {
            t.printStackTrace(System.out);
          }
        },
        wait.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
