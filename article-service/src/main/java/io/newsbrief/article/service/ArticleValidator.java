package io.newsbrief.article.service;

import io.newsbrief.article.config.ArticleLimits;
import io.newsbrief.article.extraction.HtmlExtractor;
import io.newsbrief.article.extraction.HtmlExtractor.ExtractedPage;
import io.newsbrief.article.repository.NewArticle;
import io.newsbrief.commons.error.FieldViolation;
import io.newsbrief.commons.error.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Checks a submission field by field and turns it into a normalised {@link NewArticle}. */
@ApplicationScoped
public class ArticleValidator {

  static final int MAX_URL_LENGTH = 2048;
  static final int MAX_TITLE_LENGTH = 500;
  static final int MAX_NAME_LENGTH = 200;
  private static final Instant EARLIEST_PUBLICATION = Instant.parse("1900-01-01T00:00:00Z");
  private static final Duration CLOCK_SKEW = Duration.ofDays(1);

  private final ArticleLimits limits;
  private final HtmlExtractor htmlExtractor;

  ArticleValidator(ArticleLimits limits, HtmlExtractor htmlExtractor) {
    this.limits = limits;
    this.htmlExtractor = htmlExtractor;
  }

  /**
   * @throws InvalidArgumentException listing every bad field
   */
  public NewArticle validate(ArticleSubmission submission, Instant now) {
    List<FieldViolation> violations = new ArrayList<>();

    String url = submission.url().strip();
    Optional<String> canonicalUrl = Optional.empty();
    if (url.isEmpty()) {
      violations.add(new FieldViolation("url", "is required"));
    } else if (url.length() > MAX_URL_LENGTH) {
      violations.add(
          new FieldViolation("url", "must be at most " + MAX_URL_LENGTH + " characters"));
    } else {
      canonicalUrl = UrlCanonicalizer.canonicalize(url);
      if (canonicalUrl.isEmpty()) {
        violations.add(new FieldViolation("url", "must be an absolute http(s) URL"));
      }
    }

    String title = ArticleText.normalizeLine(submission.title());
    String text = ArticleText.normalize(submission.text());
    if (text.isEmpty() && !submission.html().isBlank()) {
      if (ArticleText.utf8Length(submission.html()) > limits.maxHtmlBytes()) {
        violations.add(
            new FieldViolation("html", "must be at most " + limits.maxHtmlBytes() + " bytes"));
      } else {
        ExtractedPage page = htmlExtractor.extract(submission.html(), url);
        text = ArticleText.normalize(page.text());
        if (title.isEmpty()) {
          title = ArticleText.normalizeLine(page.title());
        }
        if (text.isEmpty()) {
          violations.add(new FieldViolation("html", "has no readable text"));
        }
      }
    } else if (text.isEmpty()) {
      violations.add(new FieldViolation("text", "is required (or html to extract it from)"));
    }
    if (ArticleText.utf8Length(text) > limits.maxTextBytes()) {
      violations.add(
          new FieldViolation("text", "must be at most " + limits.maxTextBytes() + " bytes"));
    }

    if (title.isEmpty()) {
      violations.add(new FieldViolation("title", "is required"));
    } else if (title.length() > MAX_TITLE_LENGTH) {
      violations.add(
          new FieldViolation("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
    }
    String byline = checkedName("byline", submission.byline(), violations);
    String sourceName = checkedName("source_name", submission.sourceName(), violations);
    String language = checkedLanguage(submission.language(), violations);

    Instant fetchedAt = now.truncatedTo(ChronoUnit.MICROS);
    Instant publishedAt = submission.publishedAt();
    if (publishedAt == null) {
      publishedAt = fetchedAt;
    } else if (publishedAt.isBefore(EARLIEST_PUBLICATION)) {
      violations.add(new FieldViolation("published_at", "must be after 1900-01-01"));
    } else if (publishedAt.isAfter(now.plus(CLOCK_SKEW))) {
      violations.add(new FieldViolation("published_at", "must not be in the future"));
    }

    if (!violations.isEmpty()) {
      throw new InvalidArgumentException(violations);
    }
    return new NewArticle(
        UUID.randomUUID(),
        url,
        canonicalUrl.orElseThrow(),
        title,
        byline,
        sourceName,
        language,
        publishedAt.truncatedTo(ChronoUnit.MICROS),
        fetchedAt,
        text,
        ArticleText.sha256(text),
        ArticleText.wordCount(text),
        null,
        null,
        null);
  }

  private static String checkedName(String field, String raw, List<FieldViolation> violations) {
    String value = ArticleText.normalizeLine(raw);
    if (value.length() > MAX_NAME_LENGTH) {
      violations.add(
          new FieldViolation(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
    }
    return value;
  }

  /** BCP 47, normalised to its canonical case ("en-GB"); "en" when absent. */
  static String checkedLanguage(String raw, List<FieldViolation> violations) {
    String tag = raw.strip();
    if (tag.isEmpty()) {
      return "en";
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
      if (!locale.getLanguage().isEmpty() && tag.length() <= 35) {
        return locale.toLanguageTag();
      }
    } catch (IllformedLocaleException e) {
      // reported below
    }
    violations.add(new FieldViolation("language", "must be a BCP 47 language tag such as \"en\""));
    return tag;
  }
}
