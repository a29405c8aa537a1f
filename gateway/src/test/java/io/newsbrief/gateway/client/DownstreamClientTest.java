package io.newsbrief.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsbrief.commons.error.FieldViolation;
import io.newsbrief.gateway.model.NewArticle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault tolerance every client inherits from {@link DownstreamClient}, against the fake
 * article-service over a real channel. Its own application: a breaker opened here stays shut to
 * nobody else.
 */
@QuarkusTest
@TestProfile(DownstreamClientTest.OwnApplication.class)
class DownstreamClientTest {

  public static class OwnApplication implements QuarkusTestProfile {}

  @Inject FakeDownstreams downstreams;
  @Inject ArticlesClient articles;

  @BeforeEach
  void reset() {
    downstreams.reset();
  }

  @Test
  void anUnreachableServiceIsTriedOnceMoreAndReportedWithoutGrpcTypes() {
    downstreams.articlesDown(true);
    int before = downstreams.articleCalls();

    assertThatThrownBy(() -> articles.get(UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(
            DownstreamUnavailable.class, e -> assertThat(e.unreachable()).isTrue())
        .hasMessage("article-service is unreachable");
    assertThat(downstreams.articleCalls() - before).isEqualTo(2);
  }

  @Test
  void rejectionsAreTriedOnceNeverOpenTheBreakerAndNameTheJsonField() {
    int before = downstreams.articleCalls();
    for (int i = 0; i < 30; i++) {
      assertThatThrownBy(() -> articles.create(article("not a url")))
          .isInstanceOfSatisfying(
              DownstreamRejection.class,
              e -> {
                assertThat(e.reason()).isEqualTo(DownstreamRejection.Reason.INVALID);
                assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("url");
              });
    }
    assertThat(downstreams.articleCalls() - before).isEqualTo(30);

    assertThat(articles.create(article("https://example.com/" + UUID.randomUUID())).created())
        .isTrue();
  }

  @Test
  void aServiceThatKeepsFailingIsNoLongerCalled() {
    downstreams.articlesDown(true);
    int calls = 0;
    boolean opened = false;
    while (!opened && calls < 20) {
      try {
        articles.list(null, null, 5, null);
      } catch (DownstreamUnavailable expected) {
        calls++;
      } catch (CircuitBreakerOpenException e) {
        opened = true;
      }
    }
    assertThat(opened).as("breaker open within 20 failing calls").isTrue();

    int reached = downstreams.articleCalls();
    assertThatThrownBy(() -> articles.list(null, null, 5, null))
        .isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(downstreams.articleCalls()).isEqualTo(reached);
  }

  @Test
  void protoFieldNamesBecomeTheJsonApisNames() {
    assertThat(GrpcFailures.jsonName("source_name")).isEqualTo("sourceName");
    assertThat(GrpcFailures.jsonName("page_token")).isEqualTo("cursor");
    assertThat(GrpcFailures.jsonName("page_size")).isEqualTo("limit");
    assertThat(GrpcFailures.jsonName("poll_interval")).isEqualTo("pollIntervalMinutes");
    assertThat(GrpcFailures.jsonName("url")).isEqualTo("url");
  }

  private static NewArticle article(String url) {
    return new NewArticle(url, "Title", null, null, null, null, "Text.", null);
  }
}
