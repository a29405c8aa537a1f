package io.newsbrief.gateway.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.commons.concurrent.DaemonThreads;
import io.newsbrief.gateway.client.BriefChanges;
import io.newsbrief.gateway.client.DownstreamRejection;
import io.newsbrief.gateway.client.SummariesClient;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.BriefEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.jboss.logging.Logger;

/**
 * Live updates of the feed for every subscriber of this replica. One follower per replica, not one
 * per subscriber: told by summary-service's change stream that something changed, it asks once what
 * changed since its position (a sync token) and hands the answer to every subscriber. A subscriber
 * resuming with a token first gets what it missed, then the live updates — joined before that
 * replay, so nothing falls between (an update may come twice; applying one is idempotent). Each
 * subscriber has a bounded buffer: one that falls further behind is ended, and resumes from its
 * last event id when it reconnects.
 */
@ApplicationScoped
public class BriefEvents {

  private static final Logger LOG = Logger.getLogger(BriefEvents.class);
  private static final int PAGE = 100;
  private static final Duration RETRY_FIRST = Duration.ofMillis(5);
  private static final Duration RETRY_MAX = Duration.ofSeconds(2);

  /** More subscribers than configured: the caller answers 503. */
  public static final class Full extends RuntimeException {
    Full() {
      super("too many live-update subscribers on this gateway");
    }
  }

  private final SummariesClient summaries;
  private final BriefChanges changeStream;
  private final GatewayConfig.Events config;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService follower =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("brief-events"));
  private final AtomicBoolean pullQueued = new AtomicBoolean();
  private final AtomicReference<String> position = new AtomicReference<>();
  private volatile Duration retry = RETRY_FIRST;

  BriefEvents(
      SummariesClient summaries,
      BriefChanges changeStream,
      GatewayConfig config,
      MeterRegistry registry) {
    this.summaries = summaries;
    this.changeStream = changeStream;
    this.config = config.events();
    Gauge.builder("newsbrief.gateway.brief.events.subscribers", subscribers, Set::size)
        .description("Clients following /api/v1/briefs/events on this replica")
        .register(registry);
  }

  /**
   * The live updates from {@code lastEventId} (null: from now; the first event then carries the
   * present's id, to resume from).
   *
   * @throws Full when this replica has as many subscribers as configured
   * @throws DownstreamRejection when the id is not a sync token (INVALID) or too old (EXPIRED)
   */
  public Multi<BriefEvent> follow(String lastEventId) {
    if (subscribers.size() >= config.maxSubscribers()) {
      throw new Full();
    }
    changeStream.ensureFollowing();
    Subscriber subscriber = new Subscriber();
    subscribers.add(subscriber);
    try {
      String present = present();
      List<BriefEvent> first =
          lastEventId == null
              ? List.of(new BriefEvent(present, List.of(), List.of()))
              : missedSince(lastEventId);
      return subscriber.stream(first);
    } catch (RuntimeException e) {
      leave(subscriber);
      throw e;
    }
  }

  /** How many clients follow this replica's updates. */
  public int subscribers() {
    return subscribers.size();
  }

  void on(@Observes BriefChanges.Signal signal) {
    if (!(signal instanceof BriefChanges.Lost)) {
      // Changed, or live again after a gap: either way, ask what changed.
      pullSoon(Duration.ZERO);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    follower.shutdownNow();
    List.copyOf(subscribers).forEach(Subscriber::end);
  }

  /** This follower's position, taken from the feed when it has none yet. */
  private String present() {
    String known = position.get();
    if (known != null) {
      return known;
    }
    String now = summaries.list(null, null, List.of(), 1, null).syncToken();
    return position.compareAndExchange(null, now) == null ? now : position.get();
  }

  private List<BriefEvent> missedSince(String token) {
    List<BriefEvent> missed = new ArrayList<>();
    eachChangeSince(
        token,
        (from, event) -> {
          if (!event.isEmpty()) {
            missed.add(event);
          }
          return true;
        });
    return missed;
  }

  /**
   * Asks summary-service what changed since {@code token}, page after page, handing each page (as
   * an event, with the token it was asked from) to {@code page} until none is left or {@code page}
   * answers false; asks again shortly when changes were held back.
   *
   * @return whether every page was handed over
   */
  private boolean eachChangeSince(String token, BiPredicate<String, BriefEvent> page) {
    String from = token;
    SummariesClient.Changes changes;
    do {
      changes = summaries.changes(from, PAGE);
      BriefEvent event = BriefEvent.of(changes.delta());
      if (!page.test(from, event)) {
        return false;
      }
      from = event.id();
    } while (changes.delta().hasMore());
    if (changes.heldBack()) {
      pullSoon(RETRY_FIRST);
    }
    return true;
  }

  private void pullSoon(Duration wait) {
    if (!subscribers.isEmpty() && pullQueued.compareAndSet(false, true)) {
      try {
        follower.schedule(this::pull, wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException shuttingDown) {
        pullQueued.set(false);
      }
    }
  }

  /** Runs on the follower thread only: one pull at a time, in order. */
  private void pull() {
    pullQueued.set(false); // a change heard from now on asks for another pull
    String from = position.get();
    if (from == null) {
      return;
    }
    try {
      boolean followed =
          eachChangeSince(
              from,
              (asked, event) -> {
                if (!event.isEmpty()) {
                  subscribers.forEach(subscriber -> subscriber.offer(event));
                }
                // False when the last subscriber left meanwhile: nothing to follow.
                return position.compareAndSet(asked, event.id());
              });
      if (followed) {
        retry = RETRY_FIRST;
      }
    } catch (DownstreamRejection e) {
      // The position expired (this replica idled past the retention): subscribers cannot be told
      // what they missed here; ended, they resume with their last event id and learn it.
      LOG.warnf("live updates lost their position (%s); subscribers are asked to resume", e);
      position.set(null);
      List.copyOf(subscribers).forEach(Subscriber::end);
    } catch (RuntimeException e) {
      LOG.debugf("live updates: summary-service failed (%s); asking again", e.getMessage());
      Duration wait = retry;
      retry = wait.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : wait.multipliedBy(2);
      pullSoon(wait);
    }
  }

  private void leave(Subscriber subscriber) {
    subscribers.remove(subscriber);
    if (subscribers.isEmpty()) {
      // Nobody to follow for: a stale position would replay old changes to the next one.
      position.set(null);
    }
  }

  /**
   * One client. Events wait here until its stream is connected and asks for them; once more than
   * the configured number wait, the client is ended at once (Mutiny's own bounded buffers would
   * report the overflow only after the client read what is queued, which a stalled one never does).
   */
  private final class Subscriber {
    private final Deque<BriefEvent> unsent = new ArrayDeque<>();
    private MultiEmitter<? super BriefEvent> emitter;
    private boolean ended;

    synchronized void offer(BriefEvent event) {
      unsent.add(event);
      drain();
    }

    synchronized void end() {
      ended = true;
      drain();
      leave(this);
    }

    Multi<BriefEvent> stream(List<BriefEvent> first) {
      return Multi.createFrom()
          .<BriefEvent>emitter(
              connected -> {
                connected.onTermination(() -> leave(this));
                synchronized (this) {
                  for (int i = first.size() - 1; i >= 0; i--) {
                    unsent.addFirst(first.get(i));
                  }
                  emitter = connected;
                  connected.onRequest(requested -> drain());
                  drain();
                }
              },
              BackPressureStrategy.IGNORE);
    }

    private synchronized void drain() {
      if (emitter == null) {
        return; // not connected yet: kept until it is (then checked against the bound)
      }
      if (unsent.size() > config.buffered()) {
        unsent.clear();
        emitter.fail(new SlowSubscriber());
        return;
      }
      while (!unsent.isEmpty() && emitter.requested() > 0) {
        emitter.emit(unsent.poll());
      }
      if (ended && unsent.isEmpty()) {
        emitter.complete();
      }
    }
  }

  /** Why a client was ended: it did not read its updates. */
  public static final class SlowSubscriber extends RuntimeException {
    SlowSubscriber() {
      super("the client fell too far behind its live updates", null, false, false);
    }
  }
}
