package io.newsbrief.summary.grpc;

import com.google.protobuf.Timestamp;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.proto.summary.v1.Brief;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.Section;
import io.newsbrief.summary.service.BriefView;
import io.newsbrief.summary.summarizer.Summary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Maps service types to proto messages; proto types go no further than this package. */
final class BriefMessages {

  private BriefMessages() {}

  static Brief toProto(BriefView view) {
    Brief.Builder brief =
        Brief.newBuilder()
            .setJobId(view.jobId().toString())
            .setArticleId(view.articleId().toString())
            .setTitle(view.title())
            .setSourceUrl(view.sourceUrl())
            .setSourceName(view.sourceName())
            .setLanguage(view.language())
            .setState(toProto(view.state()))
            .setReason(view.reason() == null ? "" : view.reason());
    if (view.brief() != null) {
      brief
          .setGeneratedAt(toTimestamp(view.brief().generatedAt))
          .setLead(view.brief().lead)
          .setMethod(view.brief().method);
      addSections(brief, view.brief().sections);
    }
    return brief.build();
  }

  static Brief toProto(Summary summary, String language) {
    Brief.Builder brief =
        Brief.newBuilder()
            .setLead(summary.lead())
            .setMethod(summary.method())
            .setLanguage(language)
            .setState(JobState.JOB_STATE_DONE)
            .setGeneratedAt(toTimestamp(Instant.now()))
            .setReason(summary.fallbackReason() == null ? "" : summary.fallbackReason());
    addSections(brief, summary.sections());
    return brief.build();
  }

  static UUID toUuid(String field, String value) {
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidArgumentException(field, "must be a UUID");
  }

  private static void addSections(
      Brief.Builder brief, List<io.newsbrief.summary.summarizer.Section> sections) {
    for (var section : sections) {
      brief.addSections(
          Section.newBuilder()
              .setHeading(section.heading())
              .addAllParagraphs(section.paragraphs()));
    }
  }

  private static JobState toProto(io.newsbrief.summary.repository.JobState state) {
    return switch (state) {
      case PENDING -> JobState.JOB_STATE_PENDING;
      case RUNNING -> JobState.JOB_STATE_RUNNING;
      case DONE -> JobState.JOB_STATE_DONE;
      case FAILED -> JobState.JOB_STATE_FAILED;
    };
  }

  private static Timestamp toTimestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
