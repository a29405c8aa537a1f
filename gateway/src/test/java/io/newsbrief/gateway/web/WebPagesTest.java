package io.newsbrief.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web page's HTML: the feed and the brief screen, as the app shows them. */
@QuarkusTest
class WebPagesTest {

  static final String SCRIPTED_TITLE = "Talks <script>alert('x')</script> & \"more\"";

  @Inject FakeDownstreams downstreams;

  @BeforeEach
  void reset() {
    downstreams.reset();
  }

  private String briefed(String title) {
    String id =
        given()
            .contentType(ContentType.JSON)
            .header("X-API-Key", "test-key")
            .body(
                Map.of(
                    "url",
                    "https://example.com/" + UUID.randomUUID(),
                    "title",
                    title,
                    "sourceName",
                    "Example News",
                    "text",
                    "Text."))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    downstreams.finishBrief(id);
    return id;
  }

  private static Document html(String path, int status) {
    String body =
        given()
            .accept(ContentType.HTML)
            .get(path)
            .then()
            .statusCode(status)
            .contentType(ContentType.HTML)
            .extract()
            .asString();
    return Jsoup.parse(body);
  }

  @Test
  void theFeedListsBriefsNewestFirstLinkingToEach() {
    String older = briefed("Rivers rise in the north");
    String newer = briefed("Grain deal expected");

    Document feed = html("/", 200);

    var links = feed.select("ol.feed li h2 a");
    assertThat(links.eachText()).containsExactly("Grain deal expected", "Rivers rise in the north");
    assertThat(links.eachAttr("href")).containsExactly("/briefs/" + newer, "/briefs/" + older);
    assertThat(feed.select("ol.feed li p").first().text())
        .isEqualTo("The lead of Grain deal expected.");
    assertThat(feed.select("ol.feed li .meta").first().text()).startsWith("Example News · ");
  }

  @Test
  void theFeedPagesWithAnOlderLink() {
    for (int i = 0; i < WebPages.FEED_SIZE + 1; i++) {
      briefed("Story " + i);
    }
    Document first = html("/", 200);
    assertThat(first.select("ol.feed li")).hasSize(WebPages.FEED_SIZE);
    Element older = first.selectFirst("nav.pages a[rel=next]");
    assertThat(older).isNotNull();

    Document second = html(older.attr("href"), 200);
    assertThat(second.select("ol.feed li h2 a").eachText()).containsExactly("Story 0");
    assertThat(second.select("nav.pages a")).isEmpty();
  }

  @Test
  void theBriefScreenShowsBackHeadlineSourceDateLeadAndSections() {
    String id = briefed("Grain deal expected");

    Document page = html("/briefs/" + id, 200);

    assertThat(page.selectFirst("a.back").attr("href")).isEqualTo("/");
    assertThat(page.selectFirst("a.back").text()).contains("Back");
    assertThat(page.selectFirst("article h1").text()).isEqualTo("Grain deal expected");
    Element source = page.selectFirst("article a.source");
    assertThat(source.text()).startsWith("Source Article");
    assertThat(source.attr("href")).startsWith("https://example.com/");
    assertThat(page.selectFirst("article .meta").text()).contains("Generated on ");
    assertThat(page.selectFirst("article time").attr("datetime")).endsWith("Z");
    assertThat(page.selectFirst("article p.lead").text())
        .isEqualTo("The lead of Grain deal expected.");
    assertThat(page.select("article section h2").eachText()).containsExactly("Border Talks");
    assertThat(page.select("article section p").eachText()).containsExactly("A paragraph.");
    assertThat(page.title()).isEqualTo("Grain deal expected · Newsbrief");
  }

  @Test
  void storedTextIsShownEscapedNeverRun() {
    String id = briefed(SCRIPTED_TITLE);

    String raw = given().get("/briefs/" + id).then().statusCode(200).extract().asString();

    assertThat(raw).doesNotContain("<script>").contains("&lt;script&gt;");
    Document page = Jsoup.parse(raw);
    assertThat(page.select("script")).isEmpty();
    assertThat(page.selectFirst("article h1").text()).isEqualTo(SCRIPTED_TITLE);
    // The feed's one script is its own live-update notice; the stored title is text there too.
    Document feed = html("/", 200);
    assertThat(feed.select("script")).hasSize(1);
    assertThat(feed.selectFirst("script").data()).contains("EventSource").doesNotContain("alert");
    assertThat(feed.selectFirst("ol.feed h2").text()).isEqualTo(SCRIPTED_TITLE);
  }

  @Test
  void aBriefInTheMakingRefreshesItself() {
    String id = briefed("Pending");
    downstreams.reset(); // forgets the brief: the page requests it anew

    given()
        .get("/briefs/" + id)
        .then()
        .statusCode(202)
        .header("Refresh", "2")
        .contentType(ContentType.HTML);
  }

  @Test
  void unknownOrMalformedIdsAndOutagesAreReadablePages() {
    Document malformed = html("/briefs/not-an-id", 404);
    assertThat(malformed.selectFirst("h1").text()).isEqualTo("Not found");

    downstreams.summariesDown(true);
    Document down = html("/briefs/" + UUID.randomUUID(), 503);
    assertThat(down.selectFirst("h1").text()).isEqualTo("Briefs are unavailable");
  }
}
