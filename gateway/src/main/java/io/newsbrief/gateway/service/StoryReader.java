package io.newsbrief.gateway.service;

import io.newsbrief.gateway.client.DownstreamUnavailable;
import io.newsbrief.gateway.client.StoriesClient;
import io.newsbrief.gateway.client.SummariesClient;
import io.newsbrief.gateway.model.Story;
import io.newsbrief.gateway.model.StoryBrief;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One story with its reports and, when it has two or more, its brief: for the JSON API and the web
 * page alike. The story is served even while summary-service is down, without its brief.
 */
@ApplicationScoped
public class StoryReader {

  private static final Logger LOG = Logger.getLogger(StoryReader.class);

  /** A story whose members joined moments ago: its brief request is still on its way. */
  private static final StoryBrief REQUESTED = StoryBrief.notMade(StoryBrief.PENDING, null);

  private final StoriesClient stories;
  private final SummariesClient summaries;

  StoryReader(StoriesClient stories, SummariesClient summaries) {
    this.stories = stories;
    this.summaries = summaries;
  }

  /** The story {@code id}, or the one it was merged into (the answer's id). */
  public Story story(String id) {
    Story story = stories.get(id);
    if (story.articleCount() < 2) {
      return story;
    }
    try {
      return story.withBrief(summaries.storyBrief(story.id()).orElse(REQUESTED));
    } catch (DownstreamUnavailable e) {
      LOG.debugf("story %s served without its brief: %s", story.id(), e.getMessage());
      return story;
    }
  }
}
