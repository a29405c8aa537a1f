package io.newsbrief.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem: every error the API returns, with a stable {@code type} a client can switch
 * on, and for bad input one entry per bad field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:newsbrief:problem:";

  @RegisterForReflection
  public record FieldError(String field, String detail) {}

  public static Problem of(Response.StatusType status, String slug, String detail) {
    return new Problem(
        TYPE_PREFIX + slug, status.getReasonPhrase(), status.getStatusCode(), detail, null);
  }

  /** 422: the request was understood, but what it asks for cannot be done. */
  public static Problem unprocessable(String slug, String detail) {
    return new Problem(TYPE_PREFIX + slug, "Unprocessable Content", 422, detail, null);
  }

  public static Problem invalid(String detail, List<FieldError> errors) {
    Response.Status status = Response.Status.BAD_REQUEST;
    return new Problem(
        TYPE_PREFIX + "invalid-request",
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        errors);
  }

  public Response.ResponseBuilder response() {
    return Response.status(status).type(MEDIA_TYPE).entity(this);
  }
}
