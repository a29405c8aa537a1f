package io.newsbrief.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.gateway.client.DownstreamRejection;
import io.newsbrief.gateway.config.GatewayConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
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
    return Problem.invalid(
            "The request has invalid fields.",
            e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.description()))
                .toList())
        .response()
        .build();
  }

  @ServerExceptionMapper
  public Response rejected(DownstreamRejection e) {
    StatusRuntimeException status = e.status();
    return switch (status.getStatus().getCode()) {
      case INVALID_ARGUMENT, OUT_OF_RANGE ->
          Problem.invalid("The request has invalid fields.", fieldErrors(status))
              .response()
              .build();
      case NOT_FOUND ->
          Problem.of(Status.NOT_FOUND, "not-found", status.getStatus().getDescription())
              .response()
              .build();
      case ALREADY_EXISTS, FAILED_PRECONDITION ->
          Problem.of(Status.CONFLICT, "conflict", status.getStatus().getDescription())
              .response()
              .build();
      default -> unavailable("A service the gateway depends on refused the request.");
    };
  }

  @ServerExceptionMapper
  public Response downstreamFailed(StatusRuntimeException e) {
    LOG.warnf("downstream call failed: %s", e.getStatus().getCode());
    return unavailable("A service the gateway depends on is unavailable; try again shortly.");
  }

  @ServerExceptionMapper
  public Response breakerOpen(CircuitBreakerOpenException e) {
    return unavailable("A service the gateway depends on is failing; try again shortly.");
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

  private static List<Problem.FieldError> fieldErrors(StatusRuntimeException status) {
    List<Problem.FieldError> errors = new ArrayList<>();
    com.google.rpc.Status details = StatusProto.fromThrowable(status);
    if (details == null) {
      return errors;
    }
    for (var detail : details.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          detail
              .unpack(BadRequest.class)
              .getFieldViolationsList()
              .forEach(
                  v ->
                      errors.add(
                          new Problem.FieldError(toJsonName(v.getField()), v.getDescription())));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          // no field details then
        }
      }
    }
    return errors;
  }

  /** Proto field names (source_name) as the JSON API spells them (sourceName). */
  static String toJsonName(String protoField) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : protoField.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString().replace("pageToken", "cursor");
  }
}
