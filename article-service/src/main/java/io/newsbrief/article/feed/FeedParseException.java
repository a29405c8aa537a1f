package io.newsbrief.article.feed;

/** A feed document that is not RSS, Atom or JSON Feed, or too broken to read. */
public class FeedParseException extends Exception {

  public FeedParseException(String message) {
    super(message);
  }
}
