package io.newsbrief.article.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private final FeedFixtures fixtures = new FeedFixtures(null);

  private ParsedFeed parse(String fixture, String contentType) throws FeedParseException {
    return FeedParser.parse(bytes(fixtures.fixture(fixture)), contentType);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsRss() throws Exception {
    ParsedFeed feed = parse("feeds/courier.rss.xml", "application/rss+xml");
    assertThat(feed.title()).isEqualTo("The Riverside Courier – Local");
    assertThat(feed.language()).isEqualTo("en-gb");
    assertThat(feed.entries()).hasSize(3);
    FeedEntry tram = feed.entries().get(0);
    assertThat(tram.key()).isEqualTo("courier-2026-11-20-tram");
    assertThat(tram.link())
        .endsWith("/news/local/council-backs-tram?utm_source=rss&utm_medium=feed");
    assertThat(tram.publishedAt()).isEqualTo(Instant.parse("2026-11-20T07:45:00Z"));
    assertThat(tram.summaryHtml()).contains("Six new stops");
    assertThat(feed.entries().get(1).author()).isEqualTo("Tomasz Wiśniewski");
    assertThat(feed.entries().get(1).publishedAt()).isNull();
  }

  @Test
  void readsTheRssTimeToLiveWhereThereIsOne() throws Exception {
    String rss =
        "<rss version=\"2.0\"><channel><title>Slow news</title><ttl>90</ttl></channel></rss>";

    assertThat(FeedParser.parse(bytes(rss), "application/rss+xml").ttl())
        .isEqualTo(java.time.Duration.ofMinutes(90));
    assertThat(parse("feeds/courier.rss.xml", "application/rss+xml").ttl()).isZero();
    assertThat(parse("feeds/wire-a.atom.xml", "application/atom+xml").ttl()).isZero();
  }

  @Test
  void readsAtomWithFullContent() throws Exception {
    ParsedFeed feed = parse("feeds/wire-a.atom.xml", "application/atom+xml");
    assertThat(feed.title()).isEqualTo("Northern Wire");
    FeedEntry rail = feed.entries().get(0);
    assertThat(rail.key()).isEqualTo("urn:northern-wire:2026:rail-strike");
    assertThat(rail.author()).isEqualTo("Northern Wire staff");
    assertThat(rail.publishedAt()).isEqualTo(Instant.parse("2026-11-23T06:30:00Z"));
    assertThat(rail.contentHtml()).contains("<p>A national rail strike");
  }

  @Test
  void readsJsonFeedWhateverTheContentTypeSays() throws Exception {
    ParsedFeed feed = parse("feeds/wire-b.json", "text/plain");
    assertThat(feed.title()).isEqualTo("Coastal Daily");
    assertThat(feed.language()).isEqualTo("en");
    assertThat(feed.entries())
        .extracting(FeedEntry::key)
        .containsExactly("coastal-rail-deal", "coastal-museum-copy", "coastal-tram");
    assertThat(feed.entries().get(0).author()).isEqualTo("Coastal Daily reporters");
    assertThat(feed.entries().get(0).publishedAt())
        .isEqualTo(Instant.parse("2026-11-23T07:05:00Z"));
    assertThat(feed.entries().get(2).contentHtml()).isEmpty();
  }

  @Test
  void jsonFeedTextContentBecomesEscapedParagraphs() throws Exception {
    String json =
        """
        {"version": "https://jsonfeed.org/version/1", "title": "T", "items": [
          {"id": "1", "url": "https://example.com/1", "content_text": "One <b>.\\n\\nTwo."}]}
        """;
    assertThat(FeedParser.parse(bytes(json), "application/json").entries().get(0).contentHtml())
        .isEqualTo("<p>One &lt;b&gt;.</p><p>Two.</p>");
  }

  @Test
  void refusesBrokenXmlNonFeedsAndExternalEntities() {
    assertThatThrownBy(() -> parse("feeds/broken.rss.xml", "application/rss+xml"))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("not a readable RSS or Atom feed");
    assertThatThrownBy(() -> FeedParser.parse(bytes("<html><body>hi</body></html>"), "text/html"))
        .isInstanceOf(FeedParseException.class);
    assertThatThrownBy(() -> FeedParser.parse(bytes("{\"items\": []}"), "application/json"))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("not a JSON Feed");
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&secret;</title></channel></rss>
        """;
    assertThatThrownBy(() -> FeedParser.parse(bytes(xxe), "application/rss+xml"))
        .isInstanceOf(FeedParseException.class);
  }
}
