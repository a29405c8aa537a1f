package io.newsbrief.article.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
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

  /** The columns {@link #read} reads, in its order; without the story vector. */
  static final String COLUMNS =
      "id, url, canonical_url, title, byline, source_name, language, published_at, fetched_at,"
          + " text, content_sha256, word_count, story_id";

  /** A stored article from the current row of a query selecting {@link #COLUMNS} first. */
  static NewArticle read(ResultSet rows) throws SQLException {
    return new NewArticle(
        rows.getObject(1, UUID.class),
        rows.getString(2),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        rows.getTimestamp(8).toInstant(),
        rows.getTimestamp(9).toInstant(),
        rows.getString(10),
        rows.getString(11),
        rows.getInt(12),
        rows.getObject(13, UUID.class),
        null,
        null);
  }

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
