package io.newsbrief.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbrief.gateway.service.Served;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Read responses with a strong ETag over the exact bytes sent, so {@code If-None-Match} answers 304
 * with no body, and a Cache-Control that lets clients and proxies keep them a while.
 */
@ApplicationScoped
public class ETaggedResponses {

  private final ObjectMapper json;

  ETaggedResponses(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Marks answers the gateway kept from before the service behind them started failing (RFC 9211);
   * clients are told not to keep them.
   */
  static final String STALE_IF_ERROR = "newsbrief-gateway; hit; detail=stale-if-error";

  public Response ok(Request request, Object body, int maxAgeSeconds) {
    return respond(request, Response.Status.OK, body, maxAgeSeconds);
  }

  public Response ok(Request request, Served<?> served, int maxAgeSeconds) {
    if (!served.stale()) {
      return ok(request, served.value(), maxAgeSeconds);
    }
    return Response.fromResponse(ok(request, served.value(), 0))
        .header("Cache-Status", STALE_IF_ERROR)
        .build();
  }

  private Response respond(
      Request request, Response.Status status, Object body, int maxAgeSeconds) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response not serialisable", e);
    }
    EntityTag tag = new EntityTag(sha256(bytes));
    CacheControl cache = new CacheControl();
    cache.setMaxAge(maxAgeSeconds);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.tag(tag).cacheControl(cache).build();
    }
    return Response.status(status)
        .entity(bytes)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .tag(tag)
        .cacheControl(cache)
        .build();
  }

  private static String sha256(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
