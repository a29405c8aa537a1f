package io.newsbrief.summary.summarizer;

import java.util.List;

/**
 * What a summarizer makes of an article: the lead paragraph and headed sections.
 *
 * @param method how it was made, e.g. {@code extractive-v1} or {@code llm:gpt-4o-mini}
 * @param fallbackReason why another method than the requested one was used, or null
 */
public record Summary(String lead, List<Section> sections, String method, String fallbackReason) {

  public Summary withFallback(String reason) {
    return new Summary(lead, sections, method, reason);
  }
}
