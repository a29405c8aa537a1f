package io.newsbrief.article.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsbrief.article.extraction.HtmlExtractor.ExtractedPage;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

  private final HtmlExtractor extractor = new HtmlExtractor(new LanguageGuesser());

  @Test
  void prefersTheArticleElementAndOpenGraphTitle() {
    String html =
        """
        <html><head><title>Site | Story</title><meta property="og:title" content="The Story"></head>
        <body><header>Menu</header><div class="sidebar"><p>Most read</p></div>
        <article><p>First <a href="/x">paragraph</a>.</p><ul><li><p>Point one</p></li><li>Point two</li></ul>
        <aside><p>Related</p></aside><figure><img src="a.jpg"><figcaption>Photo credit</figcaption></figure>
        <blockquote>A quote.</blockquote></article></body></html>
        """;
    ExtractedPage page = extractor.extract(html, "https://example.com/a");

    assertThat(page.title()).isEqualTo("The Story");
    assertThat(page.text()).isEqualTo("First paragraph.\n\nPoint one\n\nPoint two\n\nA quote.");
  }

  @Test
  void fallsBackToMainThenBodyAndToPlainTextWithoutBlocks() {
    assertThat(extractor.extract("<main><p>In main.</p></main><p>Outside.</p>", "").text())
        .isEqualTo("In main.");
    assertThat(
            extractor
                .extract("<body><nav>Nav</nav><div>Just a div of text</div></body>", "")
                .text())
        .isEqualTo("Just a div of text");
  }

  @Test
  void toleratesBrokenMarkup() {
    ExtractedPage page = extractor.extract("<title>T</title><p>Unclosed <b>bold<p>Next", "");
    assertThat(page.title()).isEqualTo("T");
    assertThat(page.text()).isEqualTo("Unclosed bold\n\nNext");
  }
}
