package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.newsbrief.gateway.model.BriefEvent;
import io.newsbrief.gateway.service.BriefEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/briefs/events}: the present's id first, a brief written or withdrawn as an event
 * with a sync token for id, a resume with {@code Last-Event-ID} that misses nothing, bad or stale
 * ids as problems, and a subscriber too slow to read ended instead of buffered without bound.
 */
@QuarkusTest
class BriefEventsTest {

  @Inject FakeDownstreams downstreams;

  @Inject BriefEvents events;

  @TestHTTPResource("/api/v1/briefs/events")
  URI eventsUri;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Stream<String>> open = new CopyOnWriteArrayList<>();

  @BeforeEach
  void reset() {
    downstreams.reset();
    downstreams.announceChanges();
  }

  @AfterEach
  void disconnect() {
    open.forEach(Stream::close);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.subscribers() == 0);
  }

  /** One parsed event: its name, id and data. */
  record Event(String name, String id, JsonPath data) {}

  /** Connects and collects events in the background. */
  private List<Event> subscribe(String lastEventId) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(eventsUri);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<Event> received = new CopyOnWriteArrayList<>();
    Stream<String> lines = response.body();
    open.add(lines);
    Thread reader =
        new Thread(
            () -> {
              String[] event = new String[3];
              try {
                lines.forEach(
                    line -> {
                      if (line.isEmpty()) {
                        if (event[2] != null) {
                          received.add(new Event(event[0], event[1], new JsonPath(event[2])));
                        }
                        event[0] = event[1] = event[2] = null;
                      } else if (line.startsWith("event:")) {
                        event[0] = line.substring(6).strip();
                      } else if (line.startsWith("id:")) {
                        event[1] = line.substring(3).strip();
                      } else if (line.startsWith("data:")) {
                        event[2] = line.substring(5).strip();
                      }
                    });
              } catch (RuntimeException closed) {
                // the test closed the stream
              }
            });
    reader.setDaemon(true);
    reader.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> events.subscribers() > 0);
    return received;
  }

  private static Event awaitEvent(List<Event> received, String articleId, String list) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                received.stream()
                    .anyMatch(e -> e.data().getList(list, String.class).contains(articleId)));
    return received.stream()
        .filter(e -> e.data().getList(list, String.class).contains(articleId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void writtenAndWithdrawnBriefsArriveAsEventsAndAResumeMissesNothing() throws Exception {
    List<Event> live = subscribe(null);
    await().atMost(Duration.ofSeconds(10)).until(() -> !live.isEmpty());
    Event present = live.get(0);
    assertThat(present.name()).isEqualTo("briefs");
    assertThat(present.id()).isNotBlank();
    assertThat(present.data().getList("changed")).isEmpty();

    String written = Submissions.briefed(downstreams, "Live one");
    Event arrived = awaitEvent(live, written, "changed");
    assertThat(arrived.id()).isNotEqualTo(present.id());
    // An event id is a sync token: the REST delta from the present's id holds the same change.
    given()
        .queryParam("changedSince", present.id())
        .get("/api/v1/briefs")
        .then()
        .statusCode(200)
        .body("changed[0].articleId", equalTo(written));

    // Gone for a while: a withdrawal and a new brief happen meanwhile.
    open.forEach(Stream::close);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.subscribers() == 0);
    given()
        .header("X-API-Key", GatewayApiTest.KEY)
        .delete("/api/v1/articles/" + written + "/brief")
        .then()
        .statusCode(204);
    String meanwhile = Submissions.briefed(downstreams, "Written while away");

    List<Event> resumed = subscribe(arrived.id());
    awaitEvent(resumed, written, "removed");
    awaitEvent(resumed, meanwhile, "changed");
    // And it is live again.
    String after = Submissions.briefed(downstreams, "After the resume");
    awaitEvent(resumed, after, "changed");
  }

  @Test
  void badAndStaleEventIdsAreProblems() throws Exception {
    HttpResponse<String> bad = refused("not-ours");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue(FeedApiTest.PROBLEM);
    assertThat(bad.body()).contains("\"field\":\"Last-Event-ID\"");
    List<Event> live = subscribe(null);
    await().atMost(Duration.ofSeconds(10)).until(() -> !live.isEmpty());
    String old = live.get(0).id();
    downstreams.expireSyncTokens();
    HttpResponse<String> stale = refused(old);
    assertThat(stale.statusCode()).isEqualTo(410);
    assertThat(stale.body()).contains("sync-token-expired");
  }

  /** A subscription expected to be refused; bounded, so a stream opened instead fails the test. */
  private HttpResponse<String> refused(String lastEventId) throws Exception {
    return http.sendAsync(
            HttpRequest.newBuilder(eventsUri).header("Last-Event-ID", lastEventId).build(),
            HttpResponse.BodyHandlers.ofString())
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void aSubscriberThatDoesNotReadIsEndedOnceItsBufferIsFull() {
    AssertSubscriber<BriefEvent> stalled =
        events.follow(null).subscribe().withSubscriber(AssertSubscriber.create(0));
    // Never requests: the first event waits, and the buffer (8 in tests) fills up.
    for (int i = 0; i < 12; i++) {
      String id = Submissions.briefed(downstreams, "Unread " + i);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  stalled.getFailure() != null
                      || given()
                          .queryParam("changedSince", "t0")
                          .get("/api/v1/briefs")
                          .jsonPath()
                          .getList("changed.articleId")
                          .contains(id));
    }
    stalled.awaitFailure(Duration.ofSeconds(10));
    assertThat(stalled.getFailure()).isInstanceOf(BriefEvents.SlowSubscriber.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.subscribers() == 0);
  }
}
