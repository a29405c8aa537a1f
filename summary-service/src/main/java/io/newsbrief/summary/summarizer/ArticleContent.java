package io.newsbrief.summary.summarizer;

/**
 * The part of an article a summarizer reads: paragraphs of {@code text} are blank-line separated.
 */
public record ArticleContent(String title, String text, String language) {}
