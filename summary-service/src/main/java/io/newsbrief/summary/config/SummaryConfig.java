package io.newsbrief.summary.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How summary-service makes briefs. */
@ConfigMapping(prefix = "newsbrief.summary")
public interface SummaryConfig {

  /** Method used when a request names none: {@code extractive} or {@code llm}. */
  @WithDefault("extractive")
  String defaultMethod();

  /** Page size of a list whose request names none. */
  @WithDefault("20")
  int defaultPageSize();

  /** The largest page a list returns, whatever the request asks. */
  @WithDefault("100")
  int maxPageSize();

  /** Deadline of each call to article-service. */
  @WithDefault("5S")
  Duration articleDeadline();

  /**
   * How long the feed's change log keeps a withdrawn article's tombstone; a sync token older than
   * that is refused, and the app syncs in full.
   */
  @WithDefault("30D")
  Duration tombstoneRetention();

  Jobs jobs();

  StoryBriefs storyBriefs();

  Llm llm();

  Extractive extractive();

  Faithfulness faithfulness();

  /**
   * The gate every LLM brief passes ({@code FaithfulnessGate}): lenient on wording, strict on
   * facts.
   */
  interface Faithfulness {
    /**
     * Least support for an LLM sentence to stay: the mean share of its stemmed words, word pairs
     * and word triples found in its sources. A faithful paraphrase keeps about half; an invented
     * sentence keeps little. A sentence with a name or number no source has, or with the opposite
     * negation, is dropped whatever its support.
     */
    @WithDefault("0.35")
    double minSentenceSupport();

    /**
     * Share of an LLM brief's sentences that must stay, and of its lead's; with fewer, the brief
     * falls back to the built-in method.
     */
    @WithDefault("0.6")
    double minKeptShare();
  }

  /** How long the built-in method's briefs are. */
  interface Extractive {
    /** Sentences in the lead paragraph. */
    @WithDefault("3")
    int leadSentences();

    /** Sections at most (articles under eight sentences get none). */
    @WithDefault("4")
    int maxSections();

    @WithDefault("3")
    int paragraphsPerSection();

    @WithDefault("3")
    int sentencesPerParagraph();
  }

  /** Briefs of stories (two or more members), made on the job queue when members join. */
  interface StoryBriefs {
    /**
     * A story's brief is made at most once per interval: joins in between are coalesced into one
     * waiting job, which reads the members when it runs.
     */
    @WithDefault("1M")
    Duration interval();

    /** Members read per brief, the earliest published first (article-service lists 100 at most). */
    @WithDefault("50")
    int maxSources();
  }

  interface Jobs {
    /** Worker threads per replica; 0 makes this replica serve the API only. */
    @WithDefault("2")
    int workers();

    /**
     * Jobs a worker claims at once: their texts come in one call and their briefs are stored in one
     * transaction.
     */
    @WithDefault("16")
    int claimSize();

    /** How often an idle worker looks for due jobs (new local requests wake it at once). */
    @WithDefault("1S")
    Duration pollInterval();

    /** How long a claimed job stays with its worker; after that another worker may take it. */
    @WithDefault("2M")
    Duration lease();

    /** Attempts before a job is FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the second attempt; doubles per attempt up to {@link #backoffMax()}. */
    @WithDefault("2S")
    Duration backoffInitial();

    @WithDefault("5M")
    Duration backoffMax();
  }

  /** An OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM...). */
  interface Llm {
    /** E.g. {@code http://localhost:11434/v1}; the LLM method is off while this is unset. */
    Optional<URI> baseUrl();

    @WithDefault("gpt-4o-mini")
    String model();

    Optional<String> apiKey();

    /** Whole-call timeout; on timeout the brief falls back to the extractive method. */
    @WithDefault("30S")
    Duration timeout();
  }
}
