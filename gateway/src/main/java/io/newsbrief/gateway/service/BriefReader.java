package io.newsbrief.gateway.service;

import io.newsbrief.gateway.client.ArticlesClient;
import io.newsbrief.gateway.client.DownstreamRejection;
import io.newsbrief.gateway.client.SummariesClient;
import io.newsbrief.gateway.model.Article;
import io.newsbrief.gateway.model.Brief;
import io.newsbrief.gateway.model.BriefDelta;
import io.newsbrief.gateway.model.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The reads behind the feed and the brief screen, for the JSON API and the web page alike. While
 * summary-service (or article-service, for a searched feed) fails, what was served recently is
 * served again, marked stale.
 */
@ApplicationScoped
public class BriefReader {

  /** How many search hits a searched feed considers. */
  static final int SEARCH_WINDOW = 100;

  private final SummariesClient summaries;
  private final ArticlesClient articles;
  private final LastGoodAnswers lastGood;
  private final FreshBriefs fresh;

  BriefReader(
      SummariesClient summaries,
      ArticlesClient articles,
      LastGoodAnswers lastGood,
      FreshBriefs fresh) {
    this.summaries = summaries;
    this.articles = articles;
    this.lastGood = lastGood;
    this.fresh = fresh;
  }

  public Served<Page<Brief>> feed(FeedQuery query) {
    // A searched feed also depends on article-service's index: not kept in memory.
    boolean keepable = query.query() == null;
    if (keepable) {
      Optional<Page<Brief>> kept = fresh.feedPage(query.key());
      if (kept.isPresent()) {
        return new Served<>(kept.get(), false);
      }
    }
    long readToken = fresh.beforeRead();
    Served<Page<Brief>> served = lastGood.serve(query.key(), () -> freshFeed(query), page -> true);
    if (keepable && !served.stale()) {
      fresh.keepFeedPage(query.key(), served.value(), readToken);
    }
    return served;
  }

  /**
   * What changed in the feed since {@code token}. Kept until the next change, so apps polling with
   * an up-to-date token are answered from memory (summary-service hands the same token back while
   * nothing changes).
   */
  public Served<BriefDelta<Brief>> changes(String token, int limit) {
    String key = String.join("\u0000", "changes", token, Integer.toString(limit));
    Optional<BriefDelta<Brief>> kept = fresh.feedPage(key);
    if (kept.isPresent()) {
      return new Served<>(kept.get(), false);
    }
    long readToken = fresh.beforeRead();
    BriefDelta<Brief> delta = summaries.changes(token, limit).delta();
    fresh.keepFeedPage(key, delta, readToken);
    return new Served<>(delta, false);
  }

  /** Withdraws the article's briefs; caches drop them when summary-service announces it. */
  public void withdraw(String articleId) {
    summaries.withdraw(articleId);
  }

  /** The article's brief; the first call for an article requests it. */
  public Served<Brief> brief(String articleId) {
    Optional<Brief> kept = fresh.brief(articleId);
    if (kept.isPresent()) {
      return new Served<>(kept.get(), false);
    }
    long readToken = fresh.beforeRead();
    Served<Brief> served =
        lastGood.serve("brief\u0000" + articleId, () -> freshBrief(articleId), Brief::isDone);
    if (!served.stale() && served.value().isDone()) {
      fresh.keepBrief(articleId, served.value(), readToken);
    }
    return served;
  }

  private Page<Brief> freshFeed(FeedQuery query) {
    List<String> articleIds = List.of();
    if (query.query() != null) {
      articleIds =
          articles
              .search(query.query(), query.source(), query.language(), SEARCH_WINDOW, null)
              .items()
              .stream()
              .map(Article::id)
              .toList();
      if (articleIds.isEmpty()) {
        return new Page<>(List.of(), null, null);
      }
    }
    Page<Brief> page =
        summaries.list(query.source(), query.language(), articleIds, query.limit(), query.cursor());
    // Delta sync follows the whole feed: its token means nothing for a filtered one.
    return query.isWholeFeed() ? page : page.withoutSyncToken();
  }

  private Brief freshBrief(String articleId) {
    try {
      return summaries.get(articleId);
    } catch (DownstreamRejection e) {
      if (e.reason() != DownstreamRejection.Reason.NOT_FOUND) {
        throw e;
      }
      return summaries.request(articleId);
    }
  }
}
