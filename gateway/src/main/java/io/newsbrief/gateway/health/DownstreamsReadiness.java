package io.newsbrief.gateway.health;

import io.newsbrief.gateway.client.DownstreamHealth;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the gateway can serve something: at least one downstream answers its gRPC health
 * check (each one's state is in the data). With only summary-service down, articles and cached
 * briefs are still served, so the pod should keep its traffic. Liveness does not look here.
 */
@Readiness
@ApplicationScoped
public class DownstreamsReadiness implements HealthCheck {

  private final DownstreamHealth downstreams;

  DownstreamsReadiness(DownstreamHealth downstreams) {
    this.downstreams = downstreams;
  }

  @Override
  public HealthCheckResponse call() {
    boolean articlesUp = downstreams.articlesServing();
    boolean summariesUp = downstreams.summariesServing();
    return HealthCheckResponse.named("downstream services")
        .status(articlesUp || summariesUp)
        .withData("article-service", articlesUp ? "UP" : "DOWN")
        .withData("summary-service", summariesUp ? "UP" : "DOWN")
        .build();
  }
}
