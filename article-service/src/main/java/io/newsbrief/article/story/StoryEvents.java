package io.newsbrief.article.story;

import io.newsbrief.article.repository.Story;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stories that changed (created, joined by an article, merged), published once their transaction
 * has committed. Watchers see the changes this replica made.
 */
@ApplicationScoped
public class StoryEvents {

  /** Buffer per watcher; a watcher further behind than this is dropped, not the service. */
  static final int WATCHER_BUFFER = 1024;

  /** Fired inside the changing transaction; delivered after it commits. */
  public record StoriesChanged(List<Story> stories, Map<UUID, UUID> survivorByMerged) {}

  /** One changed story and the ids merged into it by this change. */
  public record StoryChange(Story story, List<UUID> mergedIds) {}

  /**
   * Fired inside a transaction that stores articles to be grouped later; the {@link StoryAssigner}
   * hears it once the transaction commits.
   */
  public record StoriesPending() {}

  private final BroadcastProcessor<StoryChange> changes = BroadcastProcessor.create();

  void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoriesChanged event) {
    for (Story story : event.stories()) {
      List<UUID> merged =
          event.survivorByMerged().entrySet().stream()
              .filter(entry -> entry.getValue().equals(story.id()))
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      changes.onNext(new StoryChange(story, merged));
    }
  }

  /** Shutdown began: end every watch, so watchers reconnect to another replica now. */
  void endStreams(@Observes ShutdownDelayInitiatedEvent event) {
    changes.onComplete();
  }

  public Multi<StoryChange> stream() {
    return changes.onOverflow().buffer(WATCHER_BUFFER);
  }
}
