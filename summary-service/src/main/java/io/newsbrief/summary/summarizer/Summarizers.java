package io.newsbrief.summary.summarizer;

import io.newsbrief.commons.error.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Picks the summarizer for a requested method. The LLM's briefs pass the {@link FaithfulnessGate};
 * on any failure, the gate's refusal included, it falls back to the built-in method and the summary
 * records why. Every summary leaves scored.
 */
@ApplicationScoped
public class Summarizers {

  public static final String EXTRACTIVE = "extractive";
  public static final String LLM = "llm";
  private static final Logger LOG = Logger.getLogger(Summarizers.class);

  private final ExtractiveSummarizer extractive;
  private final MultiDocumentSummarizer multiDocument;
  private final LlmSummarizer llm;
  private final FaithfulnessGate gate;

  Summarizers(
      ExtractiveSummarizer extractive,
      MultiDocumentSummarizer multiDocument,
      LlmSummarizer llm,
      FaithfulnessGate gate) {
    this.extractive = extractive;
    this.multiDocument = multiDocument;
    this.llm = llm;
    this.gate = gate;
  }

  /**
   * @return {@code method} in its stored form, or the default when empty
   * @throws InvalidArgumentException when the method is unknown or not configured here
   */
  public String resolve(String method, String defaultMethod) {
    String resolved =
        (method == null || method.isBlank() ? defaultMethod : method)
            .strip()
            .toLowerCase(Locale.ROOT);
    if (resolved.equals(EXTRACTIVE)) {
      return resolved;
    }
    if (resolved.equals(LLM)) {
      if (!llm.isConfigured()) {
        throw new InvalidArgumentException("method", "llm is not configured on this server");
      }
      return resolved;
    }
    throw new InvalidArgumentException("method", "must be \"extractive\" or \"llm\"");
  }

  /** An article's brief: by the LLM, checked by the faithfulness gate, else the built-in way. */
  public Summary summarize(String method, ArticleContent article) {
    return withFallback(
        method,
        () -> gate.checked(llm.summarize(article), article),
        () -> gate.scored(extractive.summarize(article), article),
        Summary::withFallback);
  }

  /** A story's brief from its members, the same way. */
  public StorySummary summarizeStory(String method, List<ArticleContent> sources) {
    return withFallback(
        method,
        () -> gate.checked(llm.summarizeStory(sources), sources),
        () -> gate.scored(multiDocument.summarize(sources), sources),
        StorySummary::withFallback);
  }

  /**
   * The LLM's summary when {@code method} asks for it and it succeeds; otherwise the built-in one,
   * with the reason when the LLM was asked for.
   */
  private static <T> T withFallback(
      String method, Supplier<T> byLlm, Supplier<T> builtIn, BiFunction<T, String, T> fellBack) {
    if (!method.equals(LLM)) {
      return builtIn.get();
    }
    try {
      return byLlm.get();
    } catch (SummarizerException e) {
      LOG.warnf("LLM summary failed (%s); falling back to the built-in method", e.getMessage());
      return fellBack.apply(builtIn.get(), "llm " + e.getMessage());
    }
  }
}
