package io.newsbrief.article.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsbrief.article.repository.BriefRequestOutbox.DueRequest;
import io.newsbrief.article.repository.BriefRequestOutbox.Subject;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The story rows of the brief-request outbox against PostgreSQL, with the relay off so that only
 * the test claims: a story whose members change while its request is in flight is requested again.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(BriefRequestOutboxTest.RelayOff.class)
class BriefRequestOutboxTest {

  public static class RelayOff implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsbrief.articles.brief-requests.enabled", "false");
    }
  }

  @Inject BriefRequestOutbox outbox;

  private void request(UUID story) {
    QuarkusTransaction.requiringNew().run(() -> outbox.requestStories(List.of(story)));
  }

  private List<DueRequest> claim() {
    return QuarkusTransaction.requiringNew()
        .call(() -> outbox.claimDue(Subject.STORY, 1000, Duration.ofMinutes(1)));
  }

  private boolean waits(UUID story) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                outbox.claimDue(Subject.STORY, 1000, Duration.ZERO).stream()
                    .anyMatch(r -> r.id().equals(story)));
  }

  @Test
  void aDeliveredRequestLeavesAndRepeatsWhileItWaitsAreOne() {
    UUID story = UUID.randomUUID();
    request(story);
    request(story);

    List<DueRequest> claimed = claim().stream().filter(r -> r.id().equals(story)).toList();
    assertThat(claimed).hasSize(1);
    QuarkusTransaction.requiringNew().run(() -> outbox.delivered(List.of(claimed.get(0))));

    assertThat(waits(story)).isFalse();
  }

  @Test
  void aChangeDuringTheDeliveryKeepsTheRowForAnotherRequest() {
    UUID story = UUID.randomUUID();
    request(story);
    DueRequest inFlight =
        claim().stream().filter(r -> r.id().equals(story)).findFirst().orElseThrow();

    request(story); // a member joins while summary-service is being asked
    QuarkusTransaction.requiringNew().run(() -> outbox.delivered(List.of(inFlight)));

    assertThat(waits(story)).as("due again at once, not after the lease").isTrue();
  }
}
