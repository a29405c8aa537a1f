package io.newsbrief.summary.service;

import io.agroal.api.AgroalDataSource;
import io.newsbrief.commons.error.UnavailableException;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Articles whose job moved on (requested, claimed, done, failed), heard by each replica's listener:
 * the database announces every committed change of a job's state with NOTIFY (a trigger, see
 * V2__announce_job_changes.sql), so brief watchers look at once and caches (the gateway's, through
 * WatchBriefChanges) drop what changed. While the listener is not connected nothing can be
 * promised: the change stream fails and is refused until it is back.
 */
@ApplicationScoped
public class JobEvents {

  private static final Logger LOG = Logger.getLogger(JobEvents.class);
  private static final String CHANNEL = "brief_changed";
  private static final int LISTEN_WAIT_MILLIS = 500;
  private static final Duration RETRY = Duration.ofSeconds(1);

  /** Changes a slow change-stream subscriber may fall behind by before its stream fails. */
  private static final int MAX_BACKLOG = 10_000;

  private final AgroalDataSource dataSource;
  private volatile BroadcastProcessor<UUID> heard = BroadcastProcessor.create();
  private volatile boolean listening;
  private volatile boolean running = true;
  private Thread listener;

  JobEvents(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  void start(@Observes StartupEvent event) {
    listener = new Thread(this::listen, "brief-change-listener");
    listener.setDaemon(true);
    listener.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (listener != null) {
      listener.join(2 * LISTEN_WAIT_MILLIS);
    }
  }

  /**
   * Shutdown began: end every change stream (and refuse new ones), so watchers follow another
   * replica now instead of holding this one's shutdown up to its timeout.
   */
  void endStreams(@Observes ShutdownDelayInitiatedEvent event) {
    endCurrentStreams(BroadcastProcessor::onComplete);
  }

  /** Changes of one article's job, for its watchers (who also poll). */
  Multi<UUID> changes(UUID articleId) {
    return Multi.createFrom()
        .publisher(heard)
        .filter(articleId::equals)
        .onOverflow()
        .drop()
        .onFailure()
        .recoverWithCompletion();
  }

  /**
   * Every change from now on, starting with {@link BriefChangeSignal#LIVE}.
   *
   * @throws UnavailableException (as the stream's failure) while changes cannot be heard
   */
  public Multi<BriefChangeSignal> allChanges() {
    if (!listening) {
      return Multi.createFrom()
          .failure(new UnavailableException("brief changes cannot be followed right now", null));
    }
    return Multi.createBy()
        .concatenating()
        .streams(
            Multi.createFrom().item(BriefChangeSignal.LIVE),
            Multi.createFrom()
                .publisher(heard)
                .onOverflow()
                .buffer(MAX_BACKLOG)
                .map(BriefChangeSignal::changed));
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("LISTEN " + CHANNEL);
        PGConnection postgres = connection.unwrap(PGConnection.class);
        listening = true;
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(LISTEN_WAIT_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              heard.onNext(UUID.fromString(notification.getParameter()));
            }
          }
        }
      } catch (SQLException | IllegalArgumentException e) {
        LOG.warnf("brief-change listener lost its connection: %s", e.getMessage());
        lost(e);
        pause();
      }
    }
  }

  private void lost(Exception cause) {
    endCurrentStreams(
        streams ->
            streams.onError(new UnavailableException("brief changes were interrupted", cause)));
  }

  /** Marks changes as not followed and ends every stream of the current processor. */
  private void endCurrentStreams(Consumer<BroadcastProcessor<UUID>> ending) {
    listening = false;
    BroadcastProcessor<UUID> current = heard;
    heard = BroadcastProcessor.create();
    ending.accept(current);
  }

  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
