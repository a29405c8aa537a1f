package io.newsbrief.article.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.article.config.ArticleLimits;
import io.newsbrief.article.extraction.HtmlExtractor;
import io.newsbrief.article.extraction.HtmlExtractor.ExtractedPage;
import io.newsbrief.article.fetch.CacheValidators;
import io.newsbrief.article.fetch.FetchException;
import io.newsbrief.article.fetch.FetchResult;
import io.newsbrief.article.fetch.Fetcher;
import io.newsbrief.article.repository.ArticleRepository;
import io.newsbrief.article.repository.Feed;
import io.newsbrief.article.repository.FeedRepository;
import io.newsbrief.article.repository.FeedRepository.EntryOutcome;
import io.newsbrief.article.repository.FeedRepository.EntryRecord;
import io.newsbrief.article.repository.NewArticle;
import io.newsbrief.article.service.ArticleCatalog;
import io.newsbrief.article.service.ArticleCatalog.ImportOutcome;
import io.newsbrief.article.service.ArticleSubmission;
import io.newsbrief.article.service.ArticleText;
import io.newsbrief.article.service.UrlCanonicalizer;
import io.newsbrief.commons.concurrent.DaemonThreads;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Turns a feed's new entries into articles: skips entries earlier polls settled and links already
 * stored (no fetch), takes an entry's own content when it is the full text, else fetches and
 * extracts its page, validates it (all of that on the page pool), drops texts already stored under
 * another URL (content hash), and stores the rest through {@link ArticleCatalog#importValidated}
 * (stories, brief requests) a batch at a time, each batch as soon as it is ready.
 */
@ApplicationScoped
public class EntryIngester {

  private static final Logger LOG = Logger.getLogger(EntryIngester.class);

  /** How stale a listed entry's "last seen" may get before a poll refreshes it (see pruning). */
  static final Duration SEEN_REFRESH = Duration.ofDays(1);

  private final FeedRepository feeds;
  private final ArticleRepository articles;
  private final ArticleCatalog catalog;
  private final Fetcher fetcher;
  private final HtmlExtractor extractor;
  private final FeedConfig config;
  private final ArticleLimits limits;
  private final MeterRegistry meters;
  private final ExecutorService pageFetches;

  EntryIngester(
      FeedRepository feeds,
      ArticleRepository articles,
      ArticleCatalog catalog,
      Fetcher fetcher,
      HtmlExtractor extractor,
      FeedConfig config,
      ArticleLimits limits,
      MeterRegistry meters) {
    this.feeds = feeds;
    this.articles = articles;
    this.catalog = catalog;
    this.fetcher = fetcher;
    this.extractor = extractor;
    this.config = config;
    this.limits = limits;
    this.meters = meters;
    this.pageFetches =
        Executors.newFixedThreadPool(
            config.maxConcurrentPageFetches(), DaemonThreads.named("page-fetch"));
  }

  @PreDestroy
  void stop() {
    pageFetches.shutdownNow();
  }

  /** How many new entries a poll handled, and how many new articles they made. */
  public record Ingested(int entriesSeen, int created) {}

  /**
   * An entry on its way to becoming an article: its key, and the validated article or why there is
   * none.
   */
  private record Candidate(String key, NewArticle article, EntryRecord settled) {}

  public Ingested ingest(Feed feed, ParsedFeed parsed, URI feedUrl) {
    Map<String, FeedEntry> byKey = new LinkedHashMap<>();
    for (FeedEntry entry : parsed.entries()) {
      if (byKey.size() == config.maxEntriesPerPoll()) {
        break;
      }
      byKey.putIfAbsent(entry.key(), entry);
    }
    Set<String> settled =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    feeds.settledEntryKeys(
                        feed.id, byKey.keySet(), config.maxEntryAttempts(), SEEN_REFRESH));
    List<EntryRecord> records = new ArrayList<>();
    Map<String, String> canonicalLinks = new LinkedHashMap<>();
    for (FeedEntry entry : byKey.values()) {
      if (settled.contains(entry.key())) {
        continue;
      }
      Optional<String> link =
          absoluteLink(feedUrl, entry.link()).flatMap(UrlCanonicalizer::canonicalize);
      if (link.isEmpty()) {
        records.add(reject(entry.key(), "link: must be an absolute http(s) URL"));
      } else {
        canonicalLinks.put(entry.key(), link.get());
      }
    }
    Map<String, UUID> stored =
        QuarkusTransaction.requiringNew()
            .call(() -> articles.idsByCanonicalUrl(canonicalLinks.values()));

    String sourceName = feed.sourceName.isEmpty() ? parsed.title() : feed.sourceName;
    Instant now = Instant.now();
    List<CompletableFuture<Candidate>> pending = new ArrayList<>();
    canonicalLinks.forEach(
        (key, link) -> {
          UUID existing = stored.get(link);
          if (existing != null) {
            records.add(new EntryRecord(key, EntryOutcome.DUPLICATE, existing, "same URL"));
          } else {
            FeedEntry entry = byKey.get(key);
            pending.add(
                CompletableFuture.supplyAsync(
                    () -> candidate(entry, link, sourceName, parsed.language(), now), pageFetches));
          }
        });
    // Stored a batch at a time, in feed order, as soon as the batch is prepared: the first batch is
    // written while the page pool still works on the next.
    Set<String> hashesInPoll = new HashSet<>();
    int created = 0;
    for (int from = 0; from < pending.size(); from += limits.importBatchSize()) {
      List<Candidate> batch =
          pending.subList(from, Math.min(pending.size(), from + limits.importBatchSize())).stream()
              .map(CompletableFuture::join)
              .toList();
      created += store(batch, records, hashesInPoll);
    }
    QuarkusTransaction.requiringNew().run(() -> feeds.recordEntries(feed.id, records));
    records.stream()
        .filter(r -> r.outcome() == EntryOutcome.FAILED || r.outcome() == EntryOutcome.REJECTED)
        .forEach(
            r -> LOG.infof("feed %s entry %s %s: %s", feed.id, r.key(), r.outcome(), r.detail()));
    records.forEach(
        record ->
            meters
                .counter(
                    "newsbrief.feeds.entries",
                    "outcome",
                    record.outcome().name().toLowerCase(Locale.ROOT))
                .increment());
    return new Ingested(records.size(), created);
  }

  /**
   * The entry as a validated article (normalised and hashed once, here on the page pool); a failure
   * of this one entry is recorded, not the poll's.
   */
  private Candidate candidate(
      FeedEntry entry, String link, String sourceName, String feedLanguage, Instant now) {
    try {
      Prepared prepared = prepare(entry, link, sourceName, feedLanguage);
      if (prepared.submission() == null) {
        return new Candidate(entry.key(), null, prepared.failure());
      }
      return new Candidate(entry.key(), catalog.validate(prepared.submission(), now), null);
    } catch (InvalidArgumentException e) {
      return new Candidate(entry.key(), null, reject(entry.key(), e.getMessage()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "entry %s of a feed could not be prepared", entry.key());
      return new Candidate(
          entry.key(),
          null,
          new EntryRecord(entry.key(), EntryOutcome.FAILED, null, "internal error; see the log"));
    }
  }

  /** An entry's submission, or why it has none. */
  private record Prepared(ArticleSubmission submission, EntryRecord failure) {}

  /** The entry as a submission: from its own content when that is the full text, else its page. */
  private Prepared prepare(FeedEntry entry, String link, String sourceName, String feedLanguage) {
    if (!entry.contentHtml().isBlank()) {
      ExtractedPage content =
          extractor.extract("<article>" + entry.contentHtml() + "</article>", link, feedLanguage);
      if (ArticleText.wordCount(content.text()) >= config.fullContentMinWords()) {
        return new Prepared(submission(entry, link, sourceName, content, feedLanguage), null);
      }
    }
    FetchResult page;
    try {
      page = fetcher.get(URI.create(link), CacheValidators.NONE, limits.maxHtmlBytes());
    } catch (FetchException e) {
      return new Prepared(
          null, new EntryRecord(entry.key(), EntryOutcome.FAILED, null, e.getMessage()));
    }
    ExtractedPage extracted =
        extractor.extract(page.text(), page.finalUrl().toString(), feedLanguage);
    String url =
        sameSiteCanonical(page.finalUrl(), extracted.canonicalUrl())
            .orElse(page.finalUrl().toString());
    return new Prepared(submission(entry, url, sourceName, extracted, feedLanguage), null);
  }

  private static ArticleSubmission submission(
      FeedEntry entry, String url, String sourceName, ExtractedPage page, String feedLanguage) {
    return new ArticleSubmission(
        url,
        entry.title().isBlank()
            ? page.title()
            : org.jsoup.parser.Parser.unescapeEntities(entry.title(), false),
        entry.author().isBlank() ? page.byline() : entry.author(),
        sourceName,
        page.language().orElse(""),
        entry.publishedAt() != null ? entry.publishedAt() : page.publishedAt().orElse(null),
        page.text(),
        "");
  }

  /**
   * Stores a batch of candidates, those not already stored under another URL with the same text
   * (nor earlier in this poll: {@code hashesInPoll}); adds what became of each to {@code records}.
   *
   * @return how many articles were created
   */
  private int store(List<Candidate> batch, List<EntryRecord> records, Set<String> hashesInPoll) {
    List<Candidate> valid = new ArrayList<>();
    for (Candidate candidate : batch) {
      if (candidate.article() == null) {
        records.add(candidate.settled());
      } else {
        valid.add(candidate);
      }
    }
    List<String> hashes = valid.stream().map(c -> c.article().contentSha256()).toList();
    Map<String, UUID> storedTexts =
        QuarkusTransaction.requiringNew().call(() -> articles.idsByContentHash(hashes));
    List<String> keys = new ArrayList<>();
    List<NewArticle> toStore = new ArrayList<>();
    for (Candidate candidate : valid) {
      NewArticle article = candidate.article();
      UUID sameText = storedTexts.get(article.contentSha256());
      if (sameText != null) {
        records.add(
            new EntryRecord(candidate.key(), EntryOutcome.DUPLICATE, sameText, "same text"));
      } else if (!hashesInPoll.add(article.contentSha256())) {
        records.add(new EntryRecord(candidate.key(), EntryOutcome.DUPLICATE, null, "same text"));
      } else {
        keys.add(candidate.key());
        toStore.add(article);
      }
    }
    if (toStore.isEmpty()) {
      return 0;
    }
    int created = 0;
    List<ImportOutcome> outcomes = catalog.importValidated(toStore);
    for (int i = 0; i < outcomes.size(); i++) {
      ImportOutcome outcome = outcomes.get(i);
      if (outcome.kind() == ImportOutcome.Kind.CREATED) {
        created++;
        records.add(new EntryRecord(keys.get(i), EntryOutcome.CREATED, outcome.articleId(), ""));
      } else {
        records.add(
            new EntryRecord(keys.get(i), EntryOutcome.DUPLICATE, outcome.articleId(), "same URL"));
      }
    }
    return created;
  }

  private static EntryRecord reject(String key, String reason) {
    return new EntryRecord(key, EntryOutcome.REJECTED, null, reason);
  }

  private static Optional<String> absoluteLink(URI feedUrl, String link) {
    if (link.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(feedUrl.resolve(link.strip()).toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A page's declared canonical URL, trusted only on the page's own site: a page must not be able
   * to claim another site's URL (and so shadow that site's article).
   */
  static Optional<String> sameSiteCanonical(URI pageUrl, Optional<String> declared) {
    return declared.filter(
        canonical -> {
          try {
            String host = URI.create(canonical).getHost();
            return host != null && siteOf(host).equals(siteOf(pageUrl.getHost()));
          } catch (IllegalArgumentException e) {
            return false;
          }
        });
  }

  private static String siteOf(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.startsWith("www.") ? lower.substring(4) : lower;
  }
}
