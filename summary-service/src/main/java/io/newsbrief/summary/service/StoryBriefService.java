package io.newsbrief.summary.service;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.repository.JobQueue;
import io.newsbrief.summary.repository.JobQueue.Enqueued;
import io.newsbrief.summary.repository.StoryBriefRepository;
import io.newsbrief.summary.summarizer.Summarizers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Story briefs: requested when members join (coalesced, debounced), read by the gateway. */
@ApplicationScoped
public class StoryBriefService {

  static final int MAX_STORIES_PER_REQUEST = 100;

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
    return requestAll(List.of(storyId)).get(0);
  }

  /**
   * {@link #request} for up to {@value #MAX_STORIES_PER_REQUEST} stories in one transaction, their
   * locks taken in id order (so two batches sharing stories never wait on each other in a cycle).
   *
   * @return one answer per distinct story, in request order
   */
  public List<Requested> requestAll(List<UUID> storyIds) {
    List<UUID> distinct = storyIds.stream().distinct().toList();
    if (distinct.isEmpty() || distinct.size() > MAX_STORIES_PER_REQUEST) {
      throw new InvalidArgumentException(
          "story_ids", "must hold 1 to " + MAX_STORIES_PER_REQUEST + " ids");
    }
    String method = summarizers.resolve("", config.defaultMethod());
    Map<UUID, Requested> requested =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Map<UUID, Requested> byStory = new HashMap<>();
                  for (UUID storyId : distinct.stream().sorted().toList()) {
                    Enqueued enqueued =
                        queue.enqueueStoryIfNoneWaits(
                            UUID.randomUUID(), storyId, method, config.storyBriefs().interval());
                    byStory.put(
                        storyId,
                        new Requested(
                            StoryBriefView.of(enqueued.job(), storyBriefs.findById(storyId)),
                            enqueued.created()));
                  }
                  return byStory;
                });
    if (requested.values().stream().anyMatch(Requested::created)) {
      workers.wakeUp();
    }
    return distinct.stream().map(requested::get).toList();
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
