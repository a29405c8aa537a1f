package io.newsbrief.article.repository;

import java.time.Instant;
import java.util.UUID;

/** A validated, normalised article that is ready to be stored. */
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
    int wordCount) {

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
    return article;
  }
}
