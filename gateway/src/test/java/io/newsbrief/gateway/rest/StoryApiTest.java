package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.google.protobuf.Timestamp;
import io.newsbrief.gateway.client.FakeDownstreams;
import io.newsbrief.proto.summary.v1.CitedSentence;
import io.newsbrief.proto.summary.v1.StoryBrief;
import io.newsbrief.proto.summary.v1.StorySection;
import io.newsbrief.proto.summary.v1.StorySource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stories over REST and on the web page, against fake downstreams over real gRPC channels. */
@QuarkusTest
class StoryApiTest {

  @Inject FakeDownstreams downstreams;

  @BeforeEach
  void reset() {
    downstreams.reset();
  }

  private String submitted(String title, String source) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-API-Key", GatewayApiTest.KEY)
        .body(
            Map.of(
                "url",
                "https://example.com/" + UUID.randomUUID(),
                "title",
                title,
                "text",
                "Text.",
                "sourceName",
                source))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void storiesAreListedWithTheirSourceCountsAndPagedWithNextLinks() {
    String first = submitted("Dam bursts", "Gazette");
    String second = submitted("Dam burst floods valley", "Radio");
    submitted("Fair opens", "Gazette");
    downstreams.mergeStories(second, first);

    Response page = given().accept(ContentType.JSON).queryParam("limit", 1).get("/api/v1/stories");
    page.then()
        .statusCode(200)
        .header("Cache-Control", containsString("max-age=10"))
        .body("items", hasSize(1))
        .body("items[0].members", nullValue());
    String next = page.path("next");
    assertThat(next).contains("/api/v1/stories?").contains("cursor=");
    given().get(next).then().statusCode(200).body("items", hasSize(1));

    given()
        .get("/api/v1/stories?limit=100")
        .then()
        .body("items.find { it.id == '" + first + "' }.sourceCount", equalTo(2))
        .body("items.find { it.id == '" + first + "' }.articleCount", equalTo(2));
  }

  /** A brief of the two-report dam story, the way summary-service writes it. */
  private void briefMade(String story, String first, String second) {
    downstreams.storyBriefMade(
        story,
        StoryBrief.newBuilder()
            .setGeneratedAt(Timestamp.newBuilder().setSeconds(1_780_000_000))
            .setTitle("Dam bursts")
            .setMethod("extractive-mds-v1")
            .setFaithfulness(0.25f)
            .setLanguage("en")
            .addLead(sentence("The dam burst before dawn.", 0, 1))
            .addSections(
                StorySection.newBuilder()
                    .setHeading("Flooded Valley")
                    .addSentences(sentence("Water reached the valley by noon.", 1)))
            .addSources(source(first, "Gazette", "https://gazette.example/dam"))
            .addSources(source(second, "Radio", "https://radio.example/dam"))
            .build());
  }

  private static CitedSentence sentence(String text, Integer... sources) {
    return CitedSentence.newBuilder().setText(text).addAllSources(List.of(sources)).build();
  }

  private static StorySource source(String articleId, String outlet, String url) {
    return StorySource.newBuilder()
        .setArticleId(articleId)
        .setOutlet(outlet)
        .setTitle(outlet + " on the dam")
        .setUrl(url)
        .build();
  }

  @Test
  void aStoryIsAcceptedWhileItsFirstBriefIsMadeThenServedWithItsCitations() {
    String first = submitted("Dam bursts", "Gazette");
    String second = submitted("Dam burst floods valley", "Radio");
    downstreams.mergeStories(second, first);

    given()
        .get("/api/v1/stories/" + first)
        .then()
        .statusCode(202)
        .header("Retry-After", "2")
        .body("brief.status", equalTo("pending"))
        .body("members", hasSize(2));
    downstreams.storyBriefRequested(first);
    given().get("/api/v1/stories/" + first).then().statusCode(202);

    briefMade(first, first, second);
    given()
        .get("/api/v1/stories/" + first)
        .then()
        .statusCode(200)
        .body("brief.status", equalTo("done"))
        .body("brief.lead[0].text", equalTo("The dam burst before dawn."))
        .body("brief.faithfulness", equalTo(0.25f))
        .body("brief.lead[0].sources", org.hamcrest.Matchers.contains(0, 1))
        .body("brief.sections[0].heading", equalTo("Flooded Valley"))
        .body("brief.sections[0].sentences[0].sources", org.hamcrest.Matchers.contains(1))
        .body("brief.sources[1].outlet", equalTo("Radio"))
        .body("brief.sources[1].articleId", equalTo(second));
  }

  @Test
  void aStoryOfOneReportHasNoBriefAndIsServedWithoutOneWhileSummariesAreDown() {
    String alone = submitted("Fair opens", "Gazette");
    given().get("/api/v1/stories/" + alone).then().statusCode(200).body("brief", nullValue());

    String first = submitted("Dam bursts", "Gazette");
    String second = submitted("Dam burst floods valley", "Radio");
    downstreams.mergeStories(second, first);
    downstreams.summariesDown(true);
    given()
        .get("/api/v1/stories/" + first)
        .then()
        .statusCode(200)
        .body("headline", equalTo("Dam bursts"))
        .body("brief", nullValue());
  }

  @Test
  void theStoryPageMarksEverySentenceWithTheOutletsThatTellIt() {
    String first = submitted("Dam bursts", "Gazette");
    String second = submitted("Dam burst floods valley", "Radio");
    downstreams.mergeStories(second, first);
    Document pending =
        Jsoup.parse(given().get("/stories/" + first).then().statusCode(200).extract().asString());
    assertThat(pending.select("p.empty").text()).contains("being written");

    briefMade(first, first, second);
    Document story =
        Jsoup.parse(given().get("/stories/" + first).then().statusCode(200).extract().asString());

    assertThat(story.select("p.lead").text()).startsWith("The dam burst before dawn.");
    assertThat(story.select("p.lead a.source-mark").eachText()).containsExactly("Gazette", "Radio");
    assertThat(story.select("p.lead a.source-mark").eachAttr("href"))
        .containsExactly("https://gazette.example/dam", "https://radio.example/dam");
    assertThat(story.select("section h2").first().text()).isEqualTo("Flooded Valley");
    assertThat(story.select("section a.source-mark").first().attr("href"))
        .isEqualTo("https://radio.example/dam");
  }

  @Test
  void aStoryListsItsReportsAndAnswersNotModifiedToItsETag() {
    String first = submitted("Dam bursts", "Gazette");
    String second = submitted("Dam burst floods valley", "Radio");
    downstreams.mergeStories(second, first);
    briefMade(first, first, second);

    Response story = given().get("/api/v1/stories/" + first);
    story
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("max-age=30"))
        .body("id", equalTo(first))
        .body("headline", equalTo("Dam bursts"))
        .body("sourceCount", equalTo(2))
        .body("members.articleId", org.hamcrest.Matchers.contains(first, second))
        .body("members[1].sourceName", equalTo("Radio"));
    given()
        .header("If-None-Match", story.header("ETag"))
        .get("/api/v1/stories/" + first)
        .then()
        .statusCode(304);
  }

  @Test
  void aMergedStoryIdAnswersWithTheSurvivingStory() {
    String first = submitted("Dam bursts", "Gazette");
    String second = submitted("Dam burst floods valley", "Radio");
    downstreams.mergeStories(second, first);
    briefMade(first, first, second);

    Response merged = given().get("/api/v1/stories/" + second);
    merged.then().statusCode(200).body("id", equalTo(first));
    assertThat(merged.header("Content-Location")).endsWith("/api/v1/stories/" + first);
  }

  @Test
  void badIdsAndParametersAreProblemsAndUnknownStoriesNotFound() {
    given()
        .get("/api/v1/stories/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/stories/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/stories?limit=0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void theWebPageShowsOneCardPerStoryAndAStoryPageListingItsSources() {
    String first = submitted("Dam bursts", "Gazette");
    String second = submitted("Dam burst floods valley", "Radio");
    downstreams.mergeStories(second, first);
    submitted("Fair opens", "Gazette");

    Document feed =
        Jsoup.parse(given().get("/stories").then().statusCode(200).extract().asString());
    assertThat(feed.select("ol.feed > li")).hasSize(2);
    assertThat(feed.select("a[href=/stories/" + first + "]").text()).isEqualTo("Dam bursts");
    assertThat(feed.select("ol.feed > li .sources").eachText())
        .containsExactlyInAnyOrder("2 sources", "1 source");

    Document story =
        Jsoup.parse(given().get("/stories/" + first).then().statusCode(200).extract().asString());
    assertThat(story.select("h1").text()).isEqualTo("Dam bursts");
    assertThat(story.select(".story-sources li a[href^=/briefs/]").eachAttr("href"))
        .containsExactly("/briefs/" + first, "/briefs/" + second);
    given().get("/stories/" + UUID.randomUUID()).then().statusCode(404);
  }
}
