package io.newsbrief.summary.summarizer;

/** Turns an article into a brief's content. */
public interface Summarizer {

  /**
   * @throws SummarizerException when this method cannot produce a valid summary
   */
  Summary summarize(ArticleContent article);
}
