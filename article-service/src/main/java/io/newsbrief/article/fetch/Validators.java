package io.newsbrief.article.fetch;

/** What a previous answer said about its version: sent back to ask "only if changed". */
public record Validators(String etag, String lastModified) {

  public static final Validators NONE = new Validators(null, null);
}
