package io.newsbrief.commons.grpc;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks every gRPC client to reconnect (HTTP/2 GOAWAY: calls under way finish, new ones go to a new
 * connection) once its connection is older than {@code newsbrief.grpc.server.max-connection-age}
 * (±10 %, so clients do not reconnect in step), and all of them when shutdown begins. A client that
 * reconnects resolves the service's name again, so pods added since — a scale-up, a rollout — get
 * their share of calls, and a pod going away loses its callers before it stops. Once shutdown has
 * begun, a connection made since (a client whose resolver still lists this pod reconnects at once)
 * is asked to leave at its first request, so no client is left on a connection that will soon
 * answer only 503. grpc-java's own maxConnectionAge is not available here: gRPC is served by
 * Quarkus's Vert.x HTTP server.
 */
@ApplicationScoped
public class MaxConnectionAge {

  private static final Logger LOG = Logger.getLogger(MaxConnectionAge.class);

  /** How long calls under way on a connection asked to close may still take. */
  private static final Duration GRACE = Duration.ofSeconds(20);

  /** Before this filter: nothing; it only looks at the connection and passes the request on. */
  private static final int PRIORITY = 10_000;

  private final Optional<Duration> maxAge;

  /** When each live HTTP/2 connection is to be closed; weak keys: closed ones drop out. */
  private final Map<HttpConnection, Long> closeAt = new WeakHashMap<>();

  /** Connections already asked to leave (weak: closed ones drop out). Guarded by closeAt. */
  private final Set<HttpConnection> leaving = Collections.newSetFromMap(new WeakHashMap<>());

  private volatile boolean draining;

  MaxConnectionAge(
      @ConfigProperty(name = "newsbrief.grpc.server.max-connection-age")
          Optional<Duration> maxAge) {
    this.maxAge = maxAge;
  }

  void register(@Observes Filters filters) {
    if (maxAge.isPresent()) {
      filters.register(this::checkAge, PRIORITY);
    }
  }

  /** Shutdown began (readiness is DOWN): move every client elsewhere now. */
  void drain(@Observes ShutdownDelayInitiatedEvent event) {
    List<HttpConnection> open;
    synchronized (closeAt) {
      draining = true;
      open = List.copyOf(closeAt.keySet());
      closeAt.clear();
      leaving.addAll(open);
    }
    LOG.infof("shutting down: asking %d gRPC connections to reconnect elsewhere", open.size());
    open.forEach(MaxConnectionAge::goAway);
  }

  private void checkAge(RoutingContext context) {
    if (context.request().version() == HttpVersion.HTTP_2) {
      HttpConnection connection = context.request().connection();
      long now = System.nanoTime();
      boolean expired;
      synchronized (closeAt) {
        if (leaving.contains(connection)) {
          expired = false; // a request sent before the client heard GOAWAY
        } else {
          long deadline =
              draining
                  ? now
                  : closeAt.computeIfAbsent(connection, c -> now + jittered(maxAge.get()));
          expired = now - deadline >= 0;
          if (expired) {
            closeAt.remove(connection);
            leaving.add(connection);
          }
        }
      }
      if (expired) {
        goAway(connection);
      }
    }
    context.next();
  }

  private static long jittered(Duration age) {
    long nanos = age.toNanos();
    return nanos + ThreadLocalRandom.current().nextLong(-nanos / 10, nanos / 10 + 1);
  }

  private static void goAway(HttpConnection connection) {
    connection.shutdown(GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
