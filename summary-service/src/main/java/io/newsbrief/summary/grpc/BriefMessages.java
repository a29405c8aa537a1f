package io.newsbrief.summary.grpc;

import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.proto.summary.v1.Brief;
import io.newsbrief.proto.summary.v1.BriefChange;
import io.newsbrief.proto.summary.v1.CitedSentence;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.RequestedBrief;
import io.newsbrief.proto.summary.v1.Section;
import io.newsbrief.proto.summary.v1.StoryBrief;
import io.newsbrief.proto.summary.v1.StorySection;
import io.newsbrief.proto.summary.v1.StorySource;
import io.newsbrief.summary.service.BriefChangeSignal;
import io.newsbrief.summary.service.BriefService;
import io.newsbrief.summary.service.BriefView;
import io.newsbrief.summary.service.StoryBriefView;
import io.newsbrief.summary.summarizer.Summary;
import java.time.Instant;
import java.util.List;

/** Maps service types to proto messages; proto types go no further than this package. */
final class BriefMessages {

  private BriefMessages() {}

  static Brief toProto(BriefView view) {
    Brief.Builder brief =
        Brief.newBuilder()
            .setJobId(view.jobId().toString())
            .setArticleId(view.articleId().toString())
            .setTitle(view.header().title())
            .setSourceUrl(view.header().sourceUrl())
            .setSourceName(view.header().sourceName())
            .setLanguage(view.header().language())
            .setState(toProto(view.state()))
            .setReason(view.reason() == null ? "" : view.reason());
    if (view.brief() != null) {
      brief
          .setGeneratedAt(ProtoValues.timestamp(view.brief().generatedAt))
          .setLead(view.brief().lead)
          .setMethod(view.brief().method);
      if (view.brief().faithfulness != null) {
        brief.setFaithfulness(view.brief().faithfulness);
      }
      addSections(brief, view.brief().sections);
    }
    return brief.build();
  }

  static RequestedBrief toProto(BriefService.Requested requested) {
    return RequestedBrief.newBuilder()
        .setArticleId(requested.view().articleId().toString())
        .setJobId(requested.view().jobId().toString())
        .setState(toProto(requested.view().state()))
        .setCreated(requested.created())
        .build();
  }

  static Brief toProto(Summary summary, String language) {
    Brief.Builder brief =
        Brief.newBuilder()
            .setLead(summary.lead())
            .setMethod(summary.method())
            .setLanguage(language)
            .setState(JobState.JOB_STATE_DONE)
            .setGeneratedAt(ProtoValues.timestamp(Instant.now()))
            .setReason(summary.fallbackReason() == null ? "" : summary.fallbackReason())
            .setFaithfulness(summary.faithfulness().floatValue());
    addSections(brief, summary.sections());
    return brief.build();
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

  static StoryBrief toProto(StoryBriefView view) {
    StoryBrief.Builder message =
        StoryBrief.newBuilder()
            .setStoryId(view.storyId().toString())
            .setJobId(view.jobId().toString())
            .setState(toProto(view.state()))
            .setReason(view.reason() == null ? "" : view.reason());
    var brief = view.brief();
    if (brief != null) {
      message
          .setGeneratedAt(ProtoValues.timestamp(brief.generatedAt))
          .setTitle(brief.title)
          .setLanguage(brief.language)
          .setMethod(brief.method);
      if (brief.faithfulness != null) {
        message.setFaithfulness(brief.faithfulness);
      }
      brief.lead.forEach(sentence -> message.addLead(toProto(sentence)));
      for (var section : brief.sections) {
        var proto = StorySection.newBuilder().setHeading(section.heading());
        section.sentences().forEach(sentence -> proto.addSentences(toProto(sentence)));
        message.addSections(proto);
      }
      for (var source : brief.sources) {
        message.addSources(
            StorySource.newBuilder()
                .setArticleId(source.articleId().toString())
                .setOutlet(source.outlet())
                .setTitle(source.title())
                .setUrl(source.url()));
      }
    }
    return message.build();
  }

  private static CitedSentence toProto(io.newsbrief.summary.summarizer.CitedSentence sentence) {
    return CitedSentence.newBuilder()
        .setText(sentence.text())
        .addAllSources(sentence.sources())
        .build();
  }

  private static JobState toProto(io.newsbrief.summary.repository.JobState state) {
    return switch (state) {
      case PENDING -> JobState.JOB_STATE_PENDING;
      case RUNNING -> JobState.JOB_STATE_RUNNING;
      case DONE -> JobState.JOB_STATE_DONE;
      case FAILED -> JobState.JOB_STATE_FAILED;
    };
  }

  static BriefChange toProto(BriefChangeSignal signal) {
    return signal.live()
        ? BriefChange.newBuilder().setLive(true).build()
        : BriefChange.newBuilder().setArticleId(signal.articleId().toString()).build();
  }
}
