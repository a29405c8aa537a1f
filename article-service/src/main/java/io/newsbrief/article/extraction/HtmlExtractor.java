package io.newsbrief.article.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a news page says: its readable text (paragraphs separated by blank lines), headline, byline,
 * publication time, language and canonical URL. The main content is the page's {@code article} or
 * {@code main} element when it has one, else what Readability (the algorithm of Firefox's reader
 * view, via readability4j) finds; navigation, scripts and page furniture are dropped.
 */
@ApplicationScoped
public class HtmlExtractor {

  private static final String FURNITURE =
      "script, style, noscript, template, svg, nav, header, footer, aside, form, button, iframe,"
          + " figure figcaption, [aria-hidden=true], [hidden], .advert, .ad, .share, .newsletter,"
          + " .byline";
  private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre";
  private static final Pattern JSON_LD_DATE =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{8,40})\"");
  private static final Pattern BY = Pattern.compile("^(?i)by\\s+");

  private final LanguageGuesser languages;

  public HtmlExtractor(LanguageGuesser languages) {
    this.languages = languages;
  }

  public ExtractedPage extract(String html, String baseUrl) {
    return extract(html, baseUrl, "");
  }

  /**
   * As {@link #extract(String, String)}, with the language the page's context declares (a feed's
   * language, say) used before guessing from the text when the page declares none.
   */
  public ExtractedPage extract(String html, String baseUrl, String contextLanguage) {
    Document document = Jsoup.parse(html, baseUrl);
    Optional<String> byline =
        firstPresent(
            metaContent(document, "meta[name=author]"),
            metaContent(document, "meta[property=article:author]").filter(a -> !a.contains("/")),
            text(document, "[rel=author], [itemprop=author] [itemprop=name], .byline"));
    Optional<Instant> publishedAt =
        firstPresent(
                metaContent(document, "meta[property=article:published_time]"),
                metaContent(document, "meta[itemprop=datePublished]"),
                metaContent(document, "meta[name=date], meta[name=dc.date], meta[name=DC.date]"),
                jsonLdDate(document),
                Optional.ofNullable(document.selectFirst("time[datetime]"))
                    .map(time -> time.attr("datetime")))
            .flatMap(HtmlExtractor::parseDate);
    Optional<String> canonicalUrl =
        firstPresent(
            Optional.ofNullable(document.selectFirst("link[rel=canonical][href]"))
                .map(link -> link.absUrl("href")),
            metaContent(document, "meta[property=og:url]"));
    Optional<String> declaredLanguage =
        firstPresent(
            Optional.of(document.select("html").attr("lang").strip()).filter(l -> !l.isEmpty()),
            metaContent(document, "meta[http-equiv=content-language]"),
            metaContent(document, "meta[property=og:locale]"));
    Optional<String> headline =
        firstPresent(metaContent(document, "meta[property=og:title]"), text(document, "h1"));

    String text = readableText(document, html, baseUrl);
    String title = headline.orElse(document.title()).strip();
    Optional<String> language =
        declaredLanguage
            .map(tag -> tag.replace('_', '-').split(",")[0].strip())
            .or(() -> Optional.of(contextLanguage).filter(tag -> !tag.isBlank()))
            .or(() -> languages.guess(text));
    return new ExtractedPage(
        title,
        text,
        byline.map(b -> BY.matcher(b.strip()).replaceFirst("")).orElse(""),
        publishedAt,
        language,
        canonicalUrl.filter(url -> !url.isBlank()));
  }

  private static String readableText(Document document, String html, String baseUrl) {
    Element root = structuralMain(document);
    if (root == null) {
      String content = new Readability4J(baseUrl, html).parse().getContent();
      root = content == null ? document.body() : Jsoup.parse(content, baseUrl).body();
    }
    root = root.clone();
    root.select(FURNITURE).remove();
    StringBuilder text = new StringBuilder();
    for (Element block : root.select(BLOCKS)) {
      // Nested blocks (a <p> inside an <li>) are read once, through the outermost block.
      if (insideAnotherBlock(block, root)) {
        continue;
      }
      String blockText = block.text().strip();
      if (!blockText.isEmpty()) {
        text.append(blockText).append("\n\n");
      }
    }
    if (text.isEmpty()) {
      text.append(root.text());
    }
    return text.toString().strip();
  }

  /**
   * The page's own marking of its main content: of several {@code article} elements (teasers in a
   * sidebar are articles too) the one with the most paragraph text, else {@code main}.
   */
  private static Element structuralMain(Document document) {
    Optional<Element> article =
        document.select("article").stream()
            .max(Comparator.comparingInt(a -> a.select("p").text().length()));
    if (article.isPresent()) {
      return article.get();
    }
    return document.selectFirst("main, [role=main]");
  }

  private static boolean insideAnotherBlock(Element block, Element root) {
    for (Element parent = block.parent();
        parent != null && parent != root;
        parent = parent.parent()) {
      if (parent.is(BLOCKS)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> jsonLdDate(Document document) {
    for (Element script : document.select("script[type=application/ld+json]")) {
      Matcher matcher = JSON_LD_DATE.matcher(script.data());
      if (matcher.find()) {
        return Optional.of(matcher.group(1));
      }
    }
    return Optional.empty();
  }

  /** ISO 8601 with or without offset (UTC assumed), or a bare date (midnight UTC). */
  static Optional<Instant> parseDate(String raw) {
    String value = raw.strip();
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      // try the looser forms below
    }
    try {
      return Optional.of(
          LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              .toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // try a bare date
    }
    try {
      return Optional.of(
          LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> metaContent(Document document, String selector) {
    return Optional.ofNullable(document.selectFirst(selector))
        .map(element -> element.attr("content").strip())
        .filter(content -> !content.isEmpty());
  }

  private static Optional<String> text(Document document, String selector) {
    return Optional.ofNullable(document.selectFirst(selector))
        .map(element -> element.text().strip())
        .filter(text -> !text.isEmpty());
  }

  @SafeVarargs
  private static <T> Optional<T> firstPresent(Optional<T>... candidates) {
    return Stream.of(candidates).flatMap(Optional::stream).findFirst();
  }

  /**
   * What a page says. {@code text} has paragraphs separated by blank lines; {@code byline} is empty
   * when the page names no author.
   */
  public record ExtractedPage(
      String title,
      String text,
      String byline,
      Optional<Instant> publishedAt,
      Optional<String> language,
      Optional<String> canonicalUrl) {}
}
