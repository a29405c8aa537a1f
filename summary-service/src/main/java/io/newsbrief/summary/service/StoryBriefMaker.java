package io.newsbrief.summary.service;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.summary.client.ArticleClient;
import io.newsbrief.summary.client.ArticleClient.Member;
import io.newsbrief.summary.client.ArticleClient.StoryMembers;
import io.newsbrief.summary.client.ArticleClient.StoryRead;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.repository.BriefJob;
import io.newsbrief.summary.repository.StoryBrief;
import io.newsbrief.summary.repository.StoryBriefRepository;
import io.newsbrief.summary.repository.StorySource;
import io.newsbrief.summary.summarizer.ArticleContent;
import io.newsbrief.summary.summarizer.StorySummary;
import io.newsbrief.summary.summarizer.Summarizers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Makes a story job's brief: reads the story's members as they are now (so the brief covers every
 * member that joined before the job ran) and summarizes them together. A story merged into another
 * gets no brief of its own (the survivor's job writes one) and loses the one it had.
 */
@ApplicationScoped
class StoryBriefMaker {

  private final ArticleClient articles;
  private final Summarizers summarizers;
  private final StoryBriefRepository storyBriefs;
  private final int maxSources;

  StoryBriefMaker(
      ArticleClient articles,
      Summarizers summarizers,
      StoryBriefRepository storyBriefs,
      SummaryConfig config) {
    this.articles = articles;
    this.summarizers = summarizers;
    this.storyBriefs = storyBriefs;
    this.maxSources = config.storyBriefs().maxSources();
  }

  /**
   * What a story job's brief is made from: the story as read for its batch and the texts of the
   * batch's members, or why they could not be read.
   */
  record Sources(StoryMembers story, Map<UUID, ArticleContent> texts, RuntimeException failure) {}

  /**
   * The sources of a claimed batch's story jobs, by job id: every story read at once, then every
   * member's text in one round of calls (one round trip each, not two per job). A story that cannot
   * be read fails its job alone; texts that cannot be fetched fail every job of the batch (each is
   * retried).
   */
  Map<UUID, Sources> read(List<BriefJob> jobs) {
    Map<UUID, StoryRead> reads;
    try {
      reads = articles.stories(jobs.stream().map(job -> job.storyId).distinct().toList());
    } catch (RuntimeException e) {
      return failed(jobs, e);
    }
    // The members of the stories to be briefed; a merged story is not briefed under its old id.
    Set<UUID> memberIds = new LinkedHashSet<>();
    reads.forEach(
        (storyId, read) -> {
          if (read.failure() == null && read.story().id().equals(storyId)) {
            summarized(read.story()).forEach(member -> memberIds.add(member.articleId()));
          }
        });
    Map<UUID, ArticleContent> texts;
    try {
      texts = memberIds.isEmpty() ? Map.of() : articles.contents(List.copyOf(memberIds));
    } catch (RuntimeException e) {
      return failed(jobs, e);
    }
    Map<UUID, Sources> sources = new HashMap<>();
    for (BriefJob job : jobs) {
      StoryRead read = reads.get(job.storyId);
      sources.put(job.id, new Sources(read.story(), texts, read.failure()));
    }
    return sources;
  }

  private static Map<UUID, Sources> failed(List<BriefJob> jobs, RuntimeException failure) {
    Map<UUID, Sources> sources = new HashMap<>();
    jobs.forEach(job -> sources.put(job.id, new Sources(null, Map.of(), failure)));
    return sources;
  }

  /** The members a brief is written from: the earliest, up to the configured number. */
  private List<Member> summarized(StoryMembers story) {
    return story.members().subList(0, Math.min(maxSources, story.members().size()));
  }

  /**
   * @throws io.newsbrief.commons.error.NotFoundException when the story is gone
   * @throws InvalidArgumentException when fewer than two members are left to summarize
   */
  BriefWorkers.Made make(BriefJob job, Sources read) {
    if (read.failure() != null) {
      throw read.failure();
    }
    StoryMembers story = read.story();
    if (!story.id().equals(job.storyId)) {
      return new BriefWorkers.Made(null, false, at -> storyBriefs.deleteById(job.storyId));
    }
    List<Member> members = summarized(story);
    Map<UUID, ArticleContent> texts = read.texts();
    List<StorySource> sources = new ArrayList<>();
    List<ArticleContent> contents = new ArrayList<>();
    for (Member member : members) {
      ArticleContent content = texts.get(member.articleId());
      if (content != null) {
        sources.add(
            new StorySource(member.articleId(), member.outlet(), member.title(), member.url()));
        contents.add(content);
      }
    }
    if (contents.size() < 2) {
      throw new InvalidArgumentException("story", "has fewer than two members to summarize");
    }
    StorySummary summary = summarizers.summarizeStory(job.method, contents);
    return new BriefWorkers.Made(
        summary.method(),
        summary.fallbackReason() != null,
        generatedAt -> {
          StoryBrief brief = new StoryBrief();
          brief.storyId = job.storyId;
          brief.jobId = job.id;
          brief.title = story.headline();
          brief.language = story.language();
          brief.lead = summary.lead();
          brief.sections = summary.sections();
          brief.sources = sources;
          brief.method = summary.method();
          brief.fallbackReason = summary.fallbackReason();
          brief.faithfulness = summary.faithfulness().floatValue();
          brief.generatedAt = generatedAt;
          storyBriefs.replace(brief);
        });
  }
}
