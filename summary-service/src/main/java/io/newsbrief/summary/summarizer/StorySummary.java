package io.newsbrief.summary.summarizer;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a summarizer makes of a story's members: a lead and headed sections, every sentence citing
 * the members (by index) that tell it.
 *
 * @param method how it was made, e.g. {@code extractive-mds-v1} or {@code llm:gpt-4o-mini}
 * @param fallbackReason why another method than the requested one was used, or null
 * @param faithfulness how well the sentences' cited sources support them ({@link SourceSupport}),
 *     null until scored
 */
public record StorySummary(
    List<CitedSentence> lead,
    List<StorySection> sections,
    String method,
    String fallbackReason,
    Double faithfulness) {

  public StorySummary(List<CitedSentence> lead, List<StorySection> sections, String method) {
    this(lead, sections, method, null, null);
  }

  public StorySummary withFallback(String reason) {
    return new StorySummary(lead, sections, method, reason, faithfulness);
  }

  public StorySummary withFaithfulness(double score) {
    return new StorySummary(lead, sections, method, fallbackReason, score);
  }

  /** Lead and section sentences in reading order. */
  public Stream<CitedSentence> sentences() {
    return Stream.concat(lead.stream(), sections.stream().flatMap(s -> s.sentences().stream()));
  }
}
