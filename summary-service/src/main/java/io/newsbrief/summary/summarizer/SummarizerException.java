package io.newsbrief.summary.summarizer;

/** A summarizer could not produce a valid summary; the message says why, briefly. */
public class SummarizerException extends RuntimeException {

  public SummarizerException(String message) {
    super(message);
  }

  public SummarizerException(String message, Throwable cause) {
    super(message, cause);
  }
}
