package io.newsbrief.summary.service;

import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.repository.JobQueue;
import io.newsbrief.summary.repository.JobQueue.Enqueued;
import io.newsbrief.summary.repository.StoryBriefRepository;
import io.newsbrief.summary.summarizer.Summarizers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Story briefs: requested when members join (coalesced, debounced), read by the gateway. */
@ApplicationScoped
public class StoryBriefService {

  private final JobQueue queue;
  private final StoryBriefRepository storyBriefs;
  private final Summarizers summarizers;
  private final SummaryConfig config;
  private final BriefWorkers workers;

  StoryBriefService(
      JobQueue queue,
      StoryBriefRepository storyBriefs,
      Summarizers summarizers,
      SummaryConfig config,
      BriefWorkers workers) {
    this.queue = queue;
    this.storyBriefs = storyBriefs;
    this.summarizers = summarizers;
    this.config = config;
    this.workers = workers;
  }

  public record Requested(StoryBriefView view, boolean created) {}

  /**
   * Queues a remake of the story's brief with the default method, unless one waits already; the job
   * is due no sooner than the configured interval after the story's previous one.
   */
  public Requested request(UUID storyId) {
    String method = summarizers.resolve("", config.defaultMethod());
    Requested requested =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Enqueued enqueued =
                      queue.enqueueStoryIfNoneWaits(
                          UUID.randomUUID(), storyId, method, config.storyBriefs().interval());
                  return new Requested(
                      StoryBriefView.of(enqueued.job(), storyBriefs.findById(storyId)),
                      enqueued.created());
                });
    if (requested.created()) {
      workers.wakeUp();
    }
    return requested;
  }

  /**
   * @throws NotFoundException when no brief was requested for the story
   */
  public StoryBriefView get(UUID storyId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                queue
                    .newestForStory(storyId)
                    .map(job -> StoryBriefView.of(job, storyBriefs.findById(storyId)))
                    .orElseThrow(
                        () -> new NotFoundException("no brief requested for story " + storyId)));
  }
}
