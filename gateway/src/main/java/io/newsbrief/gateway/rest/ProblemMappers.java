package io.newsbrief.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.newsbrief.commons.error.FieldViolation;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.gateway.client.DownstreamRejection;
import io.newsbrief.gateway.client.DownstreamUnavailable;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.service.BriefEvents;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes {@code application/problem+json}: downstream answers about bad input keep
 * their meaning (400 with field errors, 404, 409), a downstream that is down is 503 with
 * Retry-After, and only true bugs are 500 — logged here, never described to the client.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  // Mappers are created at static init, before run-time configuration exists: look it up late.
  private final Instance<GatewayConfig> config;

  ProblemMappers(Instance<GatewayConfig> config) {
    this.config = config;
  }

  @ServerExceptionMapper
  public Response gatewayProblem(ApiException e) {
    return e.response();
  }

  @ServerExceptionMapper
  public Response invalidArgument(InvalidArgumentException e) {
    return invalid(e.violations());
  }

  @ServerExceptionMapper
  public Response rejected(DownstreamRejection e) {
    return switch (e.reason()) {
      case INVALID -> invalid(e.violations());
      case NOT_FOUND ->
          Problem.of(Status.NOT_FOUND, "not-found", e.getMessage()).response().build();
      case CONFLICT -> Problem.of(Status.CONFLICT, "conflict", e.getMessage()).response().build();
      case EXPIRED ->
          Problem.of(
                  Status.GONE,
                  "sync-token-expired",
                  "changedSince is older than the changes kept: read the feed again from its first"
                      + " page and sync from its syncToken.")
              .response()
              .build();
    };
  }

  @ServerExceptionMapper
  public Response downstreamFailed(DownstreamUnavailable e) {
    LOG.warnf("downstream call failed: %s", e.getMessage());
    return unavailable("A service the gateway depends on is unavailable; try again shortly.");
  }

  @ServerExceptionMapper
  public Response breakerOpen(CircuitBreakerOpenException e) {
    return unavailable("A service the gateway depends on is failing; try again shortly.");
  }

  @ServerExceptionMapper
  public Response tooManySubscribers(BriefEvents.Full e) {
    return unavailable("This gateway has as many live-update subscribers as it serves; try again.");
  }

  /** Jackson's own, more specific mapper would answer plain JSON: this one wins for its type. */
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e) {
    return malformedJson(e);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e) {
    return Problem.of(
            Status.BAD_REQUEST,
            "malformed-json",
            "The request body is not valid JSON of the expected shape.")
        .response()
        .build();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    Status status = Status.fromStatusCode(e.getResponse().getStatus());
    if (status == null) {
      status = Status.BAD_REQUEST;
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json);
    }
    String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
    return Problem.of(status, slug, status.getReasonPhrase() + ".").response().build();
  }

  @ServerExceptionMapper
  public Response bug(Exception e) {
    LOG.error("unexpected failure", e);
    return Problem.of(
            Status.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side.")
        .response()
        .build();
  }

  private Response unavailable(String detail) {
    return Problem.of(Status.SERVICE_UNAVAILABLE, "unavailable", detail)
        .response()
        .header(HttpHeaders.RETRY_AFTER, config.get().retryAfterSeconds())
        .build();
  }

  private static Response invalid(List<FieldViolation> violations) {
    return Problem.invalid(
            "The request has invalid fields.",
            violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.description()))
                .toList())
        .response()
        .build();
  }
}
