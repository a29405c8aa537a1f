package io.newsbrief.article.fetch;

/**
 * The HTTP cache validators (ETag, Last-Modified) of a previous answer, sent back as If-None-Match
 * and If-Modified-Since to ask "only if changed".
 */
public record CacheValidators(String etag, String lastModified) {

  public static final CacheValidators NONE = new CacheValidators(null, null);
}
