package io.newsbrief.summary.summarizer;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a summarizer makes of a story's members: a lead and headed sections, every sentence citing
 * the members (by index) that tell it.
 *
 * @param method how it was made, e.g. {@code extractive-mds-v1} or {@code llm:gpt-4o-mini}
 * @param fallbackReason why another method than the requested one was used, or null
 */
public record StorySummary(
    List<CitedSentence> lead, List<StorySection> sections, String method, String fallbackReason) {

  public StorySummary withFallback(String reason) {
    return new StorySummary(lead, sections, method, reason);
  }

  /** Lead and section sentences in reading order. */
  public Stream<CitedSentence> sentences() {
    return Stream.concat(lead.stream(), sections.stream().flatMap(s -> s.sentences().stream()));
  }
}
