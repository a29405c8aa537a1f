package io.newsbrief.article.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * A validated, normalised article that is ready to be stored once its story is known ({@code
 * storyId} and {@code storySignature} are null until then).
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
    int[] storySignature) {

  /** This article as part of the story {@code storyId}, with its MinHash signature. */
  public NewArticle withStory(UUID storyId, int[] storySignature) {
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
        storySignature);
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
