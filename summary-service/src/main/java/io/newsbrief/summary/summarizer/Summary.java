package io.newsbrief.summary.summarizer;

import java.util.List;

/**
 * What a summarizer makes of an article: the lead paragraph and headed sections.
 *
 * @param method how it was made, e.g. {@code extractive-v1} or {@code llm:gpt-4o-mini}
 * @param fallbackReason why another method than the requested one was used, or null
 * @param faithfulness how well the article supports it ({@link SourceSupport}), null until scored
 */
public record Summary(
    String lead,
    List<Section> sections,
    String method,
    String fallbackReason,
    Double faithfulness) {

  public Summary(String lead, List<Section> sections, String method) {
    this(lead, sections, method, null, null);
  }

  public Summary withFallback(String reason) {
    return new Summary(lead, sections, method, reason, faithfulness);
  }

  public Summary withFaithfulness(double score) {
    return new Summary(lead, sections, method, fallbackReason, score);
  }

  /** The lead's sentences, then every paragraph's. */
  public List<String> sentences() {
    List<String> sentences = new java.util.ArrayList<>(SourceSupport.sentencesOf(lead));
    sections.forEach(
        section ->
            section.paragraphs().forEach(p -> sentences.addAll(SourceSupport.sentencesOf(p))));
    return sentences;
  }
}
