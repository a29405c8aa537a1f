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

  @Test
  void readsMetadataAndGuessesAnUndeclaredLanguage() {
    String html =
        """
        <html><head><link rel="canonical" href="/news/a-story">
        <meta name="author" content="By Ana Souza">
        <script type="application/ld+json">{"datePublished": "2026-11-02T10:15:00+01:00"}</script>
        </head><body><article><p>Le conseil municipal a voté mardi pour étendre le réseau de
        tramway de l'autre côté du fleuve, un projet qui doit réduire les temps de trajet.</p>
        </article></body></html>
        """;
    ExtractedPage page = extractor.extract(html, "https://example.com/x?utm_source=a");
    assertThat(page.canonicalUrl()).contains("https://example.com/news/a-story");
    assertThat(page.byline()).isEqualTo("Ana Souza");
    assertThat(page.publishedAt()).contains(java.time.Instant.parse("2026-11-02T09:15:00Z"));
    assertThat(page.language()).contains("fr");
    assertThat(extractor.extract(html, "https://example.com/x", "de").language()).contains("de");
  }

  @Test
  void readabilityFindsTheStoryInAPageWithoutArticleMarkup() {
    StringBuilder story = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      story.append(
          "<p>The harbour board said the repairs to the old wall were finished two weeks early,"
              + " and that boats could again shelter behind it during the winter storms.</p>");
    }
    String html =
        "<html><body><div id=nav><a href=/>Home</a> <a href=/sport>Sport</a></div>"
            + "<div class=content><div class=story>"
            + story
            + "</div></div><div class=sidebar><p>Subscribe to our newsletter</p></div></body></html>";
    ExtractedPage page = extractor.extract(html, "https://example.com/harbour");
    assertThat(page.text())
        .startsWith("The harbour board said")
        .doesNotContain("Subscribe", "Sport");
    assertThat(page.language()).contains("en");
  }
}
