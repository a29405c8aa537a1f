package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kept answers are encoded once: repeated reads of a brief or a feed page serialize nothing, the
 * gzip sent is exactly the compressed JSON a fresh encoding gives, and a changed brief is encoded
 * anew.
 */
@QuarkusTest
class EncodedResponsesTest {

  /** Raw bytes as sent: rest-assured would otherwise decode the gzip itself. */
  private static final RestAssuredConfig RAW =
      RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

  @Inject FakeDownstreams downstreams;

  @Inject ETaggedResponses responses;

  String articleId;

  @BeforeEach
  void aFinishedBriefServedFromMemory() {
    downstreams.reset();
    articleId = Submissions.briefed(downstreams, "Encoded once");
    downstreams.announceChanges();
  }

  private Response read(String path, String encoding) {
    return given().config(RAW).header("Accept-Encoding", encoding).get(path);
  }

  @Test
  void repeatedReadsServeTheKeptBytesAndTheGzipIsTheJsonCompressed() throws IOException {
    String brief = "/api/v1/articles/" + articleId + "/brief";
    for (String path : new String[] {brief, "/api/v1/briefs?limit=5"}) {
      // Kept once the change stream is live and the answer was read once.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                read(path, "gzip");
                long before = responses.serializations();
                read(path, "gzip");
                read(path, "gzip, br");
                return responses.serializations() == before;
              });
      Response gzipped = read(path, "gzip");
      Response plain = read(path, "identity");
      assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(gzipped.header("Vary")).containsIgnoringCase("Accept-Encoding");
      assertThat(plain.header("Content-Encoding")).isNull();
      assertThat(gunzip(gzipped.asByteArray())).isEqualTo(plain.asByteArray());
      assertThat(gzipped.header("ETag")).isEqualTo(plain.header("ETag"));
      given().header("If-None-Match", plain.header("ETag")).get(path).then().statusCode(304);
    }
  }

  @Test
  void aChangedBriefIsEncodedAnew() throws IOException {
    String brief = "/api/v1/articles/" + articleId + "/brief";
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              read(brief, "gzip");
              long before = responses.serializations();
              read(brief, "gzip");
              return responses.serializations() == before;
            });
    String oldTag = read(brief, "gzip").header("ETag");

    downstreams.rewriteLead(articleId, "A rewritten lead.");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !oldTag.equals(read(brief, "gzip").header("ETag")));
    assertThat(new String(gunzip(read(brief, "gzip").asByteArray()), "UTF-8"))
        .contains("A rewritten lead.");
  }

  @Test
  void gzipIsSentOnlyToClientsThatAdmitIt() {
    for (String admits :
        new String[] {"gzip", "GZIP", "br, gzip;q=0.5", "x-gzip", "*", "br;q=1, *"}) {
      assertThat(ETaggedResponses.acceptsGzip(admits)).as(admits).isTrue();
    }
    for (String refuses :
        new String[] {"identity", "br", "gzip;q=0", "gzip; q=0.000", "*, gzip;q=0", "*;q=0", ""}) {
      assertThat(ETaggedResponses.acceptsGzip(refuses)).as(refuses).isFalse();
    }
    String brief = "/api/v1/articles/" + articleId + "/brief";
    assertThat(read(brief, "gzip;q=0").header("Content-Encoding")).isNull();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
