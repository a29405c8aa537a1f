package io.newsbrief.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged suite, started the way {@code ./mvnw package -Plocal} starts it (on its own ports
 * and state directory, so it can run beside a developer's), exercised through the gateway only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

  static final Path ROOT =
      Path.of(System.getProperty("newsbrief.root", "..")).toAbsolutePath().normalize();
  static final SuiteSettings SETTINGS =
      new SuiteSettings(ROOT, ROOT.resolve("launcher/target/e2e"), 15520, 20000);
  static final Duration BRIEF_DEADLINE = Duration.ofSeconds(60);

  static final String TEXT =
      """
      The regional water authority said on Tuesday that reservoir levels had fallen to their \
      lowest point for November since records began. Engineers blamed a dry autumn and a rise in \
      demand from new housing. The authority urged households to take shorter showers.

      A hosepipe ban will remain in force until at least February. Farmers have been allowed to \
      draw water from rivers only at night. Several golf courses have stopped watering their \
      fairways.

      The authority plans to build a new pipeline from the northern lakes. The project will cost \
      about 300 million euros. Construction is due to start next spring and to take three years.

      Environmental groups welcomed the pipeline but called for more spending on leaks. Roughly a \
      fifth of treated water is lost through old pipes. The authority promised to replace 200 \
      kilometres of mains by 2030.""";

  private LocalSuite suite;
  private String gateway;
  private String articleId;
  private String servedBrief;

  @BeforeAll
  void startSuite() throws Exception {
    suite = new LocalSuite(SETTINGS);
    suite.start(true);
    gateway = suite.baseUrl(ServiceSpec.GATEWAY);
    SampleArticles.Outcome seeded = SampleArticles.submit(gateway, LocalSuite.LOCAL_API_KEY);
    assertThat(seeded.created()).isEqualTo(SampleArticles.bodies().size());
  }

  @AfterAll
  void stopSuite() {
    if (suite != null) {
      suite.close();
    }
  }

  private Response submit(String title, String text) {
    return given()
        .baseUri(gateway)
        .contentType(ContentType.JSON)
        .header("X-API-Key", LocalSuite.LOCAL_API_KEY)
        .body(
            Map.of(
                "url",
                "https://news.example.org/e2e/" + UUID.randomUUID() + "?utm_source=feed",
                "title",
                title,
                "sourceName",
                "E2E Desk",
                "text",
                text))
        .post("/api/v1/articles");
  }

  private Response brief(String id) {
    return given().baseUri(gateway).get("/api/v1/articles/" + id + "/brief");
  }

  private JsonPath awaitBrief(String id) {
    return await()
        .atMost(BRIEF_DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> brief(id), r -> r.statusCode() == 200)
        .jsonPath();
  }

  @Test
  @Order(1)
  void theSampleArticlesAreBriefedWithinSeconds() throws Exception {
    int samples = SampleArticles.bodies().size();
    await()
        .atMost(BRIEF_DEADLINE)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                given().baseUri(gateway).get("/api/v1/briefs?limit=50").jsonPath().getList("items"),
            items -> items.size() >= samples);
    // Submitting them again finds them.
    assertThat(SampleArticles.submit(gateway, LocalSuite.LOCAL_API_KEY).existing())
        .isEqualTo(samples);
  }

  @Test
  @Order(2)
  void aSubmittedArticleGetsABriefMadeOfItsOwnSentences() {
    Response created = submit("Reservoirs fall to a November low", TEXT);
    created.then().statusCode(201).header("Location", notNullValue());
    articleId = created.path("id");

    JsonPath brief = awaitBrief(articleId);

    assertThat(brief.getString("title")).isEqualTo("Reservoirs fall to a November low");
    assertThat(brief.getString("sourceUrl")).startsWith("https://news.example.org/e2e/");
    assertThat(brief.getString("sourceUrl")).doesNotContain("utm_source");
    assertThat(brief.getString("generatedAt")).isNotBlank();
    assertThat(brief.getString("method")).isEqualTo("extractive-v2");
    String flatText = TEXT.replaceAll("\\s+", " ");
    List<String> passages = new ArrayList<>(List.of(brief.getString("lead")));
    List<Map<String, Object>> sections = brief.getList("sections");
    assertThat(sections).isNotEmpty();
    List<String> headings = new ArrayList<>();
    for (Map<String, Object> section : sections) {
      String heading = (String) section.get("heading");
      assertThat(heading).isNotBlank();
      assertThat(flatText).doesNotContain(heading + "."); // a heading, not a copied sentence
      headings.add(heading);
      @SuppressWarnings("unchecked")
      List<String> paragraphs = (List<String>) section.get("paragraphs");
      assertThat(paragraphs).isNotEmpty();
      passages.addAll(paragraphs);
    }
    assertThat(headings).doesNotHaveDuplicates();
    for (String passage : passages) {
      for (String sentence : passage.split("(?<=[.!?])\\s+")) {
        assertThat(flatText).contains(sentence);
      }
    }
  }

  @Test
  @Order(3)
  void theFeedPagesWithNextLinksAndTheBriefAnswers304ToItsETag() {
    Response first = given().baseUri(gateway).get("/api/v1/briefs?limit=3");
    first.then().statusCode(200);
    List<String> firstIds = first.jsonPath().getList("items.articleId");
    assertThat(firstIds).hasSize(3);
    String next = first.path("next");
    assertThat(next).startsWith(gateway + "/api/v1/briefs?");
    List<String> secondIds =
        given().get(next).then().statusCode(200).extract().path("items.articleId");
    assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);

    Response brief = brief(articleId);
    String etag = brief.header("ETag");
    assertThat(etag).isNotBlank();
    given()
        .baseUri(gateway)
        .header("If-None-Match", etag)
        .get("/api/v1/articles/" + articleId + "/brief")
        .then()
        .statusCode(304);
    servedBrief = brief.asString();
  }

  @Test
  @Order(3)
  void twoOutletsReportsOfOneEventAreOneStoryOnTheApiAndTheWebPage() throws Exception {
    String first =
        report(
            "Gazette",
            "Landslide cuts the Varrow valley railway",
            "A landslide buried the Varrow valley railway near Osk on Tuesday night, cutting the"
                + " line between Osk and Bramby. Engineers said clearing the tracks would take a"
                + " week; replacement buses run meanwhile.");
    String second =
        report(
            "Valley Radio",
            "Varrow line closed for a week after landslide near Osk",
            "The railway through the Varrow valley is closed after a landslide near Osk covered"
                + " the tracks overnight. Buses replace trains between Osk and Bramby while"
                + " engineers clear the line, expected to take a week.");
    String storyId =
        given().baseUri(gateway).get("/api/v1/articles/" + first).then().extract().path("storyId");
    assertThat(
            given()
                .baseUri(gateway)
                .get("/api/v1/articles/" + second)
                .then()
                .extract()
                .<String>path("storyId"))
        .isEqualTo(storyId);

    // 202 while summary-service writes the story's brief from both reports, then 200 with it.
    JsonPath story =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> given().baseUri(gateway).get("/api/v1/stories/" + storyId),
                response -> response.statusCode() == 200)
            .jsonPath();
    assertThat(story.getInt("sourceCount")).isEqualTo(2);
    assertThat(story.getList("members.articleId")).containsExactlyInAnyOrder(first, second);
    assertThat(story.getString("brief.method")).isEqualTo("extractive-mds-v1");
    assertThat(story.getList("brief.sources.articleId")).containsExactlyInAnyOrder(first, second);
    assertThat(story.getList("brief.sources.outlet")).contains("Valley Radio");
    assertThat(story.getList("brief.lead.sources.flatten()", Integer.class))
        .isNotEmpty()
        .allSatisfy(source -> assertThat(source).isBetween(0, 1));
    assertThat(
            given()
                .baseUri(gateway)
                .get("/api/v1/stories?q=Varrow landslide")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("items.id"))
        .containsExactly(storyId);
    Document page =
        Jsoup.parse(
            given().baseUri(gateway).get("/stories").then().statusCode(200).extract().asString());
    assertThat(page.select("ol.feed > li:has(a[href=/stories/" + storyId + "]) .sources").text())
        .isEqualTo("2 sources");

    var out = new ByteArrayOutputStream();
    assertThat(
            BackfillStoriesCommand.run(
                new String[] {suite.grpcTarget(ServiceSpec.ARTICLES)},
                new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .as("every article was grouped when stored")
        .startsWith("done: 0 articles regrouped");
  }

  private String report(String source, String title, String text) {
    return given()
        .baseUri(gateway)
        .contentType(ContentType.JSON)
        .header("X-API-Key", LocalSuite.LOCAL_API_KEY)
        .body(
            Map.of(
                "url", "https://news.example.org/e2e/" + UUID.randomUUID(),
                "title", title,
                "sourceName", source,
                "text", text))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  @Order(4)
  void everyServiceReportsHealthy() {
    for (ServiceSpec service : ServiceSpec.SUITE) {
      for (String probe : List.of("live", "ready", "started")) {
        given()
            .baseUri(suite.baseUrl(service))
            .get("/q/health/" + probe)
            .then()
            .statusCode(200)
            .body("status", equalTo("UP"));
      }
    }
  }

  @Test
  @Order(5)
  void theWebPageShowsTheFeedAndTheBriefScreen() {
    Document feed =
        Jsoup.parse(given().baseUri(gateway).get("/").then().statusCode(200).extract().asString());
    assertThat(feed.select("ol.feed li h2 a").eachText())
        .contains("Reservoirs fall to a November low");

    Document page =
        Jsoup.parse(
            given()
                .baseUri(gateway)
                .get("/briefs/" + articleId)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(page.selectFirst("article h1").text())
        .isEqualTo("Reservoirs fall to a November low");
    assertThat(page.selectFirst("a.source").text()).startsWith("Source Article");
    assertThat(page.select("article section h2")).isNotEmpty();
  }

  @Test
  @Order(6)
  void withSummaryServiceDownServedBriefsComeFromTheCacheAndNewOnesAre503UntilItIsBack()
      throws Exception {
    suite.stop(ServiceSpec.SUMMARIES);

    brief(articleId)
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("newsbrief-gateway; hit; detail=stale-if-error"))
        .body(equalTo(servedBrief));
    // Writes are still accepted: the brief request waits in article-service's outbox.
    String later =
        submit("Pipeline plan approved", TEXT.replace("Tuesday", "Wednesday"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    brief(later)
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("status", equalTo(503));

    suite.restart(ServiceSpec.SUMMARIES);

    assertThat(awaitBrief(later).getString("title")).isEqualTo("Pipeline plan approved");
    await()
        .atMost(BRIEF_DEADLINE)
        .untilAsserted(
            () -> brief(articleId).then().statusCode(200).header("Cache-Status", nullValue()));
  }

  @Test
  @Order(7)
  void aSecondLauncherOrABusyPortIsAClearRefusal() throws Exception {
    try (LocalSuite second = new LocalSuite(SETTINGS)) {
      assertThatThrownBy(() -> second.start(false))
          .isInstanceOf(LocalSuite.LaunchException.class)
          .hasMessageContaining("another launcher is running");
    }
    SuiteSettings elsewhere =
        new SuiteSettings(ROOT, ROOT.resolve("launcher/target/e2e-second"), 15520, 20000);
    try (LocalSuite second = new LocalSuite(elsewhere)) {
      assertThatThrownBy(() -> second.start(false))
          .isInstanceOf(LocalSuite.LaunchException.class)
          .hasMessageContaining("port 15520 (PostgreSQL) is already in use");
    }
    try (ServerSocket taken = new ServerSocket(0);
        LocalSuite second =
            new LocalSuite(
                new SuiteSettings(
                    ROOT,
                    ROOT.resolve("launcher/target/e2e-third"),
                    taken.getLocalPort(),
                    20000))) {
      assertThatThrownBy(() -> second.start(false))
          .hasMessageContaining("port " + taken.getLocalPort() + " (PostgreSQL) is already in use");
    }
  }
}
