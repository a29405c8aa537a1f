package io.newsbrief.article.story;

import io.newsbrief.article.repository.StoryIndexRepository;
import io.newsbrief.article.repository.StoryIndexRepository.StoredVector;
import io.newsbrief.article.story.StoryClustering.Member;
import io.newsbrief.article.story.StoryClustering.TermVector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The clustering kept on this replica from one assignment to the next, so that a batch reads only
 * what it has not seen: every member published in the interval it loaded, the members it assigned
 * since, and the statistics of the terms it met. It is right while the stored corpus counts exactly
 * the articles it has counted — no other writer assigned since — and no article was deleted; it is
 * dropped when that is not so, when an assignment rolls back, or when batches have moved on by more
 * than {@link #KEPT_WINDOWS} windows (which bounds its memory). Dropped, it is loaded again from
 * the batch's window, as every batch did before it was kept.
 *
 * <p>One assignment at a time uses it: {@link #clustering} locks it until the transaction ends.
 */
@ApplicationScoped
class RememberedStories {

  /** How far behind a batch the loaded interval may start, in windows, before it is reloaded. */
  static final int KEPT_WINDOWS = 3;

  private final StoryIndexRepository index;
  private final StoryConfig config;
  private final TransactionSynchronizationRegistry transactions;
  private final ReentrantLock lock = new ReentrantLock();

  private StoryClustering clustering;
  private long deletions;
  private Instant loadedFrom;
  private Instant loadedTo;

  RememberedStories(
      StoryIndexRepository index,
      StoryConfig config,
      TransactionSynchronizationRegistry transactions) {
    this.index = index;
    this.config = config;
    this.transactions = transactions;
  }

  /**
   * The clustering to assign articles published in [{@code earliest}, {@code latest}] with, knowing
   * every stored member within the window of them and the statistics of {@code terms}. Call under
   * the assignment lock, in the transaction that stores the assignment: the clustering is this
   * transaction's until it ends, then kept if it committed.
   */
  StoryClustering clustering(Instant earliest, Instant latest, Collection<String> terms) {
    lock.lock();
    try {
      transactions.registerInterposedSynchronization(new Release());
    } catch (RuntimeException e) {
      // No transaction to end: nothing would ever release the lock.
      lock.unlock();
      throw e;
    }
    Instant from = earliest.minus(config.window());
    Instant to = latest.plus(config.window());
    StoryIndexRepository.Corpus corpus = index.corpus();
    boolean current =
        clustering != null
            && clustering.documents() == corpus.documents()
            && deletions == corpus.deletions()
            && !from.isBefore(loadedFrom)
            && from.isBefore(loadedFrom.plus(config.window().multipliedBy(KEPT_WINDOWS)));
    if (!current) {
      clustering = new StoryClustering(config.settings());
      deletions = corpus.deletions();
      loadedFrom = from;
      loadedTo = from;
    }
    clustering.rememberStatistics(
        corpus.documents(), index.documentFrequency(clustering.termsWithoutStatistics(terms)));
    if (to.isAfter(loadedTo)) {
      for (StoredVector stored : index.membersPublished(loadedTo, to)) {
        String articleId = stored.articleId().toString();
        if (!clustering.remembers(articleId)) {
          clustering.remember(
              new Member(
                  articleId,
                  stored.storyId().toString(),
                  stored.publishedAt(),
                  new TermVector(stored.terms(), stored.weights())));
        }
      }
      loadedTo = to;
    }
    return clustering;
  }

  /** Keeps the clustering if the transaction committed, else drops it; lets the next one in. */
  private final class Release implements Synchronization {

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status != Status.STATUS_COMMITTED) {
        clustering = null;
      }
      lock.unlock();
    }
  }
}
