package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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

  @Test
  void aStoryListsItsReportsAndAnswersNotModifiedToItsETag() {
    String first = submitted("Dam bursts", "Gazette");
    String second = submitted("Dam burst floods valley", "Radio");
    downstreams.mergeStories(second, first);

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
