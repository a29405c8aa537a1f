package io.newsbrief.summary.service;

import io.newsbrief.commons.error.ExpiredException;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.paging.KeysetPaging;
import io.newsbrief.commons.paging.PageTokens;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.repository.Brief;
import io.newsbrief.summary.repository.BriefChangeLog;
import io.newsbrief.summary.repository.BriefChangeLog.Change;
import io.newsbrief.summary.repository.BriefChangeLog.Position;
import io.newsbrief.summary.repository.BriefRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delta sync of the feed: what changed since a sync token — each changed article's newest brief,
 * and tombstones for articles whose briefs were withdrawn — and the token to pass next time. Tokens
 * are positions in the database's change log, so they hold across replicas and clocks; one older
 * than the tombstones kept is refused (the app then syncs in full).
 */
@ApplicationScoped
public class BriefSync {

  static final String TOKEN_FIELD = "since_token";

  private static final Logger LOG = Logger.getLogger(BriefSync.class);
  private static final String FINGERPRINT = "brief-changes";

  private final BriefChangeLog log;
  private final BriefRepository briefs;
  private final KeysetPaging paging;
  private final SummaryConfig config;

  BriefSync(BriefChangeLog log, BriefRepository briefs, SummaryConfig config) {
    this.log = log;
    this.briefs = briefs;
    this.config = config;
    this.paging = new KeysetPaging(config.defaultPageSize(), config.maxPageSize());
  }

  /** What changed after {@code token}: {@code more} when another call would return more at once. */
  public record Delta(
      List<BriefView> changed, List<UUID> removed, String token, boolean more, boolean heldBack) {}

  /**
   * The token of the present: a delta from it holds whatever changes after this call. The same
   * until the feed changes.
   */
  public String currentToken() {
    return encode(QuarkusTransaction.requiringNew().call(() -> log.latestBefore(log.now())));
  }

  /**
   * @throws InvalidArgumentException when the token is not ours
   * @throws ExpiredException when the token is older than the tombstones kept
   */
  public Delta since(String token, int pageSize) {
    Position after = decode(token);
    int size = paging.size(pageSize);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (after.txid() < log.horizon()) {
                throw new ExpiredException(
                    TOKEN_FIELD, "the token is older than the changes kept; sync in full again");
              }
              Position complete = log.now();
              List<Change> changes = log.after(after, complete, size + 1);
              boolean more = changes.size() > size;
              List<Change> page = more ? changes.subList(0, size) : changes;
              boolean heldBack = !more && log.anyFrom(complete);
              if (page.isEmpty()) {
                // The same token back: an app polling while nothing changes gets the same answer
                // (cacheable, 304 on a repeat) instead of a new token per call.
                return new Delta(List.of(), List.of(), token, false, heldBack);
              }
              // The last change handed out: nothing else lies before the bound, and every client
              // that syncs across the same changes gets the same token (the same kept answer).
              Position next = page.get(page.size() - 1).position();
              return delta(page, encode(next), more, heldBack);
            });
  }

  /** Tombstones are kept for the configured retention; tokens older than that get expired. */
  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purgeTombstones() {
    Instant before = Instant.now().minus(config.tombstoneRetention());
    int purged = QuarkusTransaction.requiringNew().call(() -> log.purgeTombstones(before));
    if (purged > 0) {
      LOG.infof("purged %d brief tombstones recorded before %s", purged, before);
    }
  }

  private Delta delta(List<Change> page, String token, boolean more, boolean heldBack) {
    List<UUID> written =
        page.stream().filter(c -> !c.removed()).map(c -> c.position().articleId()).toList();
    Map<UUID, Brief> newest = briefs.newestOf(written);
    List<BriefView> changed = new ArrayList<>();
    List<UUID> removed = new ArrayList<>();
    for (Change change : page) {
      Brief brief = newest.get(change.position().articleId());
      if (brief == null) {
        removed.add(change.position().articleId());
      } else {
        changed.add(BriefView.of(brief));
      }
    }
    return new Delta(changed, removed, token, more, heldBack);
  }

  private static String encode(Position position) {
    return PageTokens.encode(
        FINGERPRINT, Long.toString(position.txid()), position.articleId().toString());
  }

  private static Position decode(String token) {
    if (token.isBlank()) {
      throw new InvalidArgumentException(TOKEN_FIELD, "is required");
    }
    PageTokens.Keys keys = PageTokens.decode(TOKEN_FIELD, token, FINGERPRINT, 2);
    return new Position(keys.number(0), keys.uuid(1));
  }
}
