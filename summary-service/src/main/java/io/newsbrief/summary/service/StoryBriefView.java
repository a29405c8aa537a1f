package io.newsbrief.summary.service;

import io.newsbrief.summary.repository.BriefJob;
import io.newsbrief.summary.repository.JobState;
import io.newsbrief.summary.repository.StoryBrief;
import java.util.UUID;

/**
 * A story's brief as callers see it: its newest job's state, and the newest brief made (a brief
 * being remade keeps showing the previous one).
 *
 * @param reason why the newest job FAILED, or why the brief fell back to another method
 * @param brief null until one was made
 */
public record StoryBriefView(
    UUID jobId, UUID storyId, JobState state, String reason, StoryBrief brief) {

  static StoryBriefView of(BriefJob job, StoryBrief brief) {
    String reason =
        job.state == JobState.FAILED || brief == null ? job.failureReason : brief.fallbackReason;
    return new StoryBriefView(job.id, job.storyId, job.state, reason, brief);
  }
}
