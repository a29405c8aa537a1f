package io.newsbrief.gateway.health;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
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

  private static final long CHECK_DEADLINE_MILLIS = 1000;

  private final Channel articles;
  private final Channel summaries;

  DownstreamsReadiness(
      @GrpcClient("articles") Channel articles, @GrpcClient("summaries") Channel summaries) {
    this.articles = articles;
    this.summaries = summaries;
  }

  @Override
  public HealthCheckResponse call() {
    boolean articlesUp = serving(articles);
    boolean summariesUp = serving(summaries);
    return HealthCheckResponse.named("downstream services")
        .status(articlesUp || summariesUp)
        .withData("article-service", articlesUp ? "UP" : "DOWN")
        .withData("summary-service", summariesUp ? "UP" : "DOWN")
        .build();
  }

  private static boolean serving(Channel channel) {
    try {
      return HealthGrpc.newBlockingStub(channel)
              .withDeadlineAfter(CHECK_DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
              .check(HealthCheckRequest.getDefaultInstance())
              .getStatus()
          == ServingStatus.SERVING;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
