package io.newsbrief.article.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Readable text and title of a news page. Keeps the block elements of the main content (the {@code
 * article} or {@code main} element when the page has one) and drops navigation, scripts and page
 * furniture.
 */
@ApplicationScoped
public class HtmlExtractor {

  private static final String FURNITURE =
      "script, style, noscript, template, svg, nav, header, footer, aside, form, button, iframe,"
          + " figure figcaption, [aria-hidden=true], [hidden], .advert, .ad, .share, .newsletter";
  private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre";

  public ExtractedPage extract(String html, String baseUrl) {
    Document document = Jsoup.parse(html, baseUrl);
    String title = metaContent(document, "meta[property=og:title]").orElse(document.title());
    Element root = mainContent(document);
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
    return new ExtractedPage(title.strip(), text.toString().strip());
  }

  private static Element mainContent(Document document) {
    Element article = document.selectFirst("article");
    if (article != null) {
      return article;
    }
    Element main = document.selectFirst("main, [role=main]");
    return main != null ? main : document.body();
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

  private static Optional<String> metaContent(Document document, String selector) {
    return Optional.ofNullable(document.selectFirst(selector))
        .map(element -> element.attr("content").strip())
        .filter(content -> !content.isEmpty());
  }

  /** What a page says: its headline and its body text, paragraphs separated by blank lines. */
  public record ExtractedPage(String title, String text) {}
}
