package io.newsbrief.gateway.client;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Whether each downstream service says it is serving (the standard gRPC health check). */
@ApplicationScoped
public class DownstreamHealth {

  private static final long CHECK_DEADLINE_MILLIS = 1000;

  private final Channel articles;
  private final Channel summaries;

  DownstreamHealth(
      @GrpcClient("articles") Channel articles, @GrpcClient("summaries") Channel summaries) {
    this.articles = articles;
    this.summaries = summaries;
  }

  public boolean articlesServing() {
    return serving(articles);
  }

  public boolean summariesServing() {
    return serving(summaries);
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
