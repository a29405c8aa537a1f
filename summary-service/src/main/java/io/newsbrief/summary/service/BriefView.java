package io.newsbrief.summary.service;

import io.newsbrief.summary.repository.Brief;
import io.newsbrief.summary.repository.BriefHeader;
import io.newsbrief.summary.repository.BriefJob;
import io.newsbrief.summary.repository.JobState;
import java.util.UUID;

/**
 * A brief as callers see it: the job's state, and the finished brief once DONE.
 *
 * @param reason why the job FAILED, or why a DONE brief fell back to another method
 * @param brief null until DONE
 */
public record BriefView(
    UUID jobId, UUID articleId, JobState state, String reason, BriefHeader header, Brief brief) {

  static BriefView of(BriefJob job, Brief brief) {
    String reason =
        job.state == JobState.DONE && brief != null ? brief.fallbackReason : job.failureReason;
    return new BriefView(
        job.id,
        job.articleId,
        job.state,
        reason,
        job.header,
        job.state == JobState.DONE ? brief : null);
  }

  static BriefView of(Brief brief) {
    return new BriefView(
        brief.jobId, brief.articleId, JobState.DONE, brief.fallbackReason, brief.header, brief);
  }
}
