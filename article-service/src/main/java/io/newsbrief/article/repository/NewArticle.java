package io.newsbrief.article.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated, normalised article that is ready to be stored once its story is known ({@code
 * storyId} and its story vector are null until then).
 */
public record NewArticle(
    UUID id,
    String url,
    String canonicalUrl,
    String title,
    String byline,
    String sourceName,
    String language,
    Instant publishedAt,
    Instant fetchedAt,
    String text,
    String contentSha256,
    int wordCount,
    UUID storyId,
    List<String> storyTerms,
    float[] storyWeights) {

  /**
   * This article as part of the story {@code storyId}, with the term vector it was compared by
   * (terms heaviest first).
   */
  public NewArticle withStory(UUID storyId, List<String> storyTerms, float[] storyWeights) {
    return new NewArticle(
        id,
        url,
        canonicalUrl,
        title,
        byline,
        sourceName,
        language,
        publishedAt,
        fetchedAt,
        text,
        contentSha256,
        wordCount,
        storyId,
        storyTerms,
        storyWeights);
  }

  /** The article as it reads once stored. */
  public Article toArticle() {
    Article article = new Article();
    article.id = id;
    article.url = url;
    article.canonicalUrl = canonicalUrl;
    article.title = title;
    article.byline = byline;
    article.sourceName = sourceName;
    article.language = language;
    article.publishedAt = publishedAt;
    article.fetchedAt = fetchedAt;
    article.text = text;
    article.contentSha256 = contentSha256;
    article.wordCount = wordCount;
    article.storyId = storyId;
    return article;
  }
}
