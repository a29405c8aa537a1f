package io.newsbrief.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body is larger than the HTTP limit is refused with a 413 problem, and
 * its body discarded unparsed. Quarkus's own check (one step later) answers with an empty body and
 * closes the connection at once, so a client still sending its body often sees a reset instead of
 * the answer; here the body is read away first (up to {@link #DRAIN_LIMIT}, beyond which the
 * connection is simply closed).
 */
@ApplicationScoped
class OversizedBodies {

  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  void refuseEarly(
      @Observes Router router,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
      ObjectMapper json)
      throws JsonProcessingException {
    String problem =
        json.writeValueAsString(
            Problem.of(
                Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "body-too-large",
                "The request body is larger than " + limit.asLongValue() + " bytes."));
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
        .handler(
            context -> {
              String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && isLarger(length, limit.asLongValue())) {
                refuse(context.request(), problem);
              } else {
                context.next();
              }
            });
  }

  private static void refuse(HttpServerRequest request, String problem) {
    long[] drained = {0};
    request.handler(
        chunk -> {
          drained[0] += chunk.length();
          if (drained[0] > DRAIN_LIMIT) {
            request.connection().close();
          }
        });
    request.endHandler(
        end ->
            request
                .response()
                .setStatusCode(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem));
    request.resume();
  }

  private static boolean isLarger(String contentLength, long limit) {
    try {
      return Long.parseLong(contentLength.trim()) > limit;
    } catch (NumberFormatException e) {
      return false; // Vert.x rejects a malformed Content-Length itself
    }
  }
}
