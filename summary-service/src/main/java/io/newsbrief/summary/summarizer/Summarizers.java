package io.newsbrief.summary.summarizer;

import io.newsbrief.commons.error.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Picks the summarizer for a requested method. The LLM falls back to the extractive method on any
 * failure, and the summary records why.
 */
@ApplicationScoped
public class Summarizers {

  public static final String EXTRACTIVE = "extractive";
  public static final String LLM = "llm";
  private static final Logger LOG = Logger.getLogger(Summarizers.class);

  private final ExtractiveSummarizer extractive;
  private final MultiDocumentSummarizer multiDocument;
  private final LlmSummarizer llm;

  Summarizers(
      ExtractiveSummarizer extractive, MultiDocumentSummarizer multiDocument, LlmSummarizer llm) {
    this.extractive = extractive;
    this.multiDocument = multiDocument;
    this.llm = llm;
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

  public Summary summarize(String method, ArticleContent article) {
    if (method.equals(LLM)) {
      try {
        return llm.summarize(article);
      } catch (SummarizerException e) {
        LOG.warnf(
            "LLM summary failed (%s); falling back to %s",
            e.getMessage(), ExtractiveSummarizer.METHOD);
        return extractive.summarize(article).withFallback("llm " + e.getMessage());
      }
    }
    return extractive.summarize(article);
  }

  /** A story's brief from its members, the built-in way or, falling back to it, by the LLM. */
  public StorySummary summarizeStory(String method, List<ArticleContent> sources) {
    if (method.equals(LLM)) {
      try {
        return llm.summarizeStory(sources);
      } catch (SummarizerException e) {
        LOG.warnf(
            "LLM story brief failed (%s); falling back to %s",
            e.getMessage(), MultiDocumentSummarizer.METHOD);
        return multiDocument.summarize(sources).withFallback("llm " + e.getMessage());
      }
    }
    return multiDocument.summarize(sources);
  }
}
