package io.newsbrief.article.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Feed polling. Fetch limits (timeouts, SSRF rules) are {@code newsbrief.fetch.*}. */
@ConfigMapping(prefix = "newsbrief.feeds")
public interface FeedConfig {

  @WithDefault("true")
  boolean enabled();

  /** How often a replica looks for due feeds (also read by the scheduler annotation). */
  @WithDefault("10s")
  String scanEvery();

  /** Feeds polled at once per replica; also the most claimed per scan. */
  @WithDefault("4")
  int maxConcurrentPolls();

  /** Pages fetched at once per replica, across feeds (per host: newsbrief.fetch.*). */
  @WithDefault("8")
  int maxConcurrentPageFetches();

  /** How long a claimed feed stays with its replica before another may poll it. */
  @WithDefault("10M")
  Duration lease();

  @WithDefault("15M")
  Duration defaultInterval();

  @WithDefault("1M")
  Duration minInterval();

  @WithDefault("24H")
  Duration maxInterval();

  /** Each next poll moves by up to this fraction of the interval, so feeds do not poll in step. */
  @WithDefault("0.1")
  double jitter();

  /** Longest wait after failures (the interval doubles per failure up to this). */
  @WithDefault("6H")
  Duration backoffMax();

  @WithDefault("5242880")
  int maxFeedBytes();

  /** Entries read per poll (a feed of 10,000 items is taken in several polls). */
  @WithDefault("1000")
  int maxEntriesPerPoll();

  /** Polls that may fail to fetch an entry's page before the entry is given up. */
  @WithDefault("3")
  int maxEntryAttempts();

  /**
   * How long an entry is remembered after its feed last listed it. Keep it well above a day: polls
   * mark listed entries seen about once a day.
   */
  @WithDefault("30D")
  Duration entryRetention();

  /** An entry whose own content has this many words is stored without fetching its page. */
  @WithDefault("150")
  int fullContentMinWords();
}
