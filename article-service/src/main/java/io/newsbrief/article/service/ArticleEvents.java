package io.newsbrief.article.service;

import io.newsbrief.article.repository.Article;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;

/**
 * Newly stored articles, published once their transaction has committed, so a watcher never sees an
 * article that a rollback took back.
 *
 * <p>Watchers see the articles stored by this replica; a watcher that needs every replica's
 * articles connects to each (or polls ListArticles).
 */
@ApplicationScoped
public class ArticleEvents {

  /** Buffer per watcher; a watcher further behind than this is dropped, not the service. */
  static final int WATCHER_BUFFER = 1024;

  private final BroadcastProcessor<Article> stored = BroadcastProcessor.create();

  /** Fired inside the storing transaction; delivered after it commits. */
  public record ArticlesStored(List<Article> articles) {}

  void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlesStored event) {
    event.articles().forEach(stored::onNext);
  }

  /** Shutdown began: end every watch, so watchers reconnect to another replica now. */
  void endStreams(@Observes ShutdownDelayInitiatedEvent event) {
    stored.onComplete();
  }

  public Multi<Article> stream() {
    return stored.onOverflow().buffer(WATCHER_BUFFER);
  }
}
