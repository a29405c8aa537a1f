package io.newsbrief.article.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.xml.sax.InputSource;

/**
 * Reads RSS (0.9x–2.0, RDF 1.0) and Atom with ROME, and JSON Feed 1.0/1.1 (which ROME does not
 * know) with Jackson. XML is read without DTDs or external entities (XXE).
 */
public final class FeedParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedParser() {}

  /** RSS 2.0 {@code <ttl>}: minutes the channel may be cached. */
  private static Duration ttl(SyndFeed feed) {
    return feed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0
        ? Duration.ofMinutes(channel.getTtl())
        : Duration.ZERO;
  }

  public static ParsedFeed parse(byte[] body, String contentType) throws FeedParseException {
    if (contentType.toLowerCase(Locale.ROOT).contains("json") || startsWith(body, '{')) {
      return parseJsonFeed(body);
    }
    return parseXml(body);
  }

  private static ParsedFeed parseXml(byte[] body) throws FeedParseException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
      input.setAllowDoctypes(false);
      input.setPreserveWireFeed(true); // for RSS <ttl>, which the common model drops
      // The byte stream, not a String: the parser honours the document's encoding declaration.
      feed = input.build(new InputSource(new ByteArrayInputStream(body)));
    } catch (FeedException | IllegalArgumentException e) {
      throw new FeedParseException("not a readable RSS or Atom feed: " + firstLine(e));
    }
    List<FeedEntry> entries = new ArrayList<>(feed.getEntries().size());
    for (SyndEntry entry : feed.getEntries()) {
      String link = orEmpty(entry.getLink());
      String key = firstNonEmpty(entry.getUri(), link);
      if (key.isEmpty()) {
        continue;
      }
      entries.add(
          new FeedEntry(
              key,
              link,
              orEmpty(entry.getTitle()),
              orEmpty(entry.getAuthor()),
              instant(
                  entry.getPublishedDate() != null
                      ? entry.getPublishedDate()
                      : entry.getUpdatedDate()),
              entry.getDescription() == null ? "" : orEmpty(entry.getDescription().getValue()),
              entry.getContents().stream()
                  .map(SyndContent::getValue)
                  .filter(value -> value != null && !value.isBlank())
                  .findFirst()
                  .orElse("")));
    }
    return new ParsedFeed(
        orEmpty(feed.getTitle()), orEmpty(feed.getLanguage()), entries, ttl(feed));
  }

  /** JSON Feed, https://jsonfeed.org/version/1.1 (1.0's singular {@code author} too). */
  private static ParsedFeed parseJsonFeed(byte[] body) throws FeedParseException {
    JsonNode feed;
    try {
      feed = JSON.readTree(body);
    } catch (IOException e) {
      throw new FeedParseException("not readable JSON: " + firstLine(e));
    }
    if (feed == null
        || !feed.isObject()
        || !feed.path("version").asText().startsWith("https://jsonfeed.org/version/")
        || !feed.path("items").isArray()) {
      throw new FeedParseException("not a JSON Feed (version and items are required)");
    }
    List<FeedEntry> entries = new ArrayList<>();
    for (JsonNode item : feed.path("items")) {
      String link = item.path("url").asText("");
      String key = firstNonEmpty(item.path("id").asText(""), link);
      if (key.isEmpty()) {
        continue;
      }
      JsonNode author =
          item.path("authors").isArray() ? item.path("authors").path(0) : item.path("author");
      String content = item.path("content_html").asText("");
      if (content.isEmpty() && !item.path("content_text").asText("").isEmpty()) {
        content = textAsHtml(item.path("content_text").asText());
      }
      entries.add(
          new FeedEntry(
              key,
              link,
              item.path("title").asText(""),
              author.path("name").asText(""),
              jsonDate(item.path("date_published").asText("")),
              item.path("summary").asText(""),
              content));
    }
    return new ParsedFeed(
        feed.path("title").asText(""), feed.path("language").asText(""), entries, Duration.ZERO);
  }

  /** Plain text (paragraphs separated by blank lines) as HTML paragraphs, escaped. */
  private static String textAsHtml(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      html.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph.strip())).append("</p>");
    }
    return html.toString();
  }

  private static Instant jsonDate(String value) {
    try {
      return value.isEmpty() ? null : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static boolean startsWith(byte[] body, char expected) {
    for (byte b : body) {
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return b == expected;
      }
    }
    return false;
  }

  private static String firstNonEmpty(String first, String second) {
    return first != null && !first.isBlank() ? first.strip() : second.strip();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value.strip();
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
