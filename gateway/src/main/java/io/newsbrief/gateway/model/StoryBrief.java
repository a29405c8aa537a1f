package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * A story's brief, written from all its reports: lead and headed sections whose every sentence
 * names the reports that tell it ({@code sources}: indexes into {@link #sources}, from 0). {@code
 * status} is the newest remake's: while a remake is {@code pending} or {@code running} the previous
 * brief is shown; before the first only {@code status} (and {@code reason} when it failed) is set.
 * {@code faithfulness} (0..1): how well the reports each sentence cites support it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record StoryBrief(
    String status,
    Instant generatedAt,
    String method,
    Float faithfulness,
    String language,
    List<CitedSentence> lead,
    List<Section> sections,
    List<Source> sources,
    String reason) {

  public static final String PENDING = Brief.PENDING;
  public static final String FAILED = Brief.FAILED;

  /** No brief made yet: the status of the first, and why it failed. */
  public static StoryBrief notMade(String status, String reason) {
    return new StoryBrief(status, null, null, null, null, null, null, null, reason);
  }

  /** Whether a brief was made (it may be being remade). */
  @JsonIgnore
  public boolean isMade() {
    return generatedAt != null;
  }

  /** Whether the first brief is still being made: nothing to show yet. */
  @JsonIgnore
  public boolean isInProgress() {
    return !isMade() && !FAILED.equals(status);
  }

  /** The reports a sentence cites, in order. */
  public List<Source> sourcesOf(CitedSentence sentence) {
    return sentence.sources().stream().map(sources::get).toList();
  }

  /** A sentence of the brief and the reports (indexes into {@code sources}) that tell it. */
  @RegisterForReflection
  public record CitedSentence(String text, List<Integer> sources) {}

  /** One sub-topic of the story. */
  @RegisterForReflection
  public record Section(String heading, List<CitedSentence> sentences) {}

  /**
   * A report the brief was written from; its own brief is at /api/v1/articles/{articleId}/brief.
   */
  @RegisterForReflection
  public record Source(String articleId, String outlet, String title, String url) {}
}
