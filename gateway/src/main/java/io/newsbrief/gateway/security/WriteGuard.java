package io.newsbrief.gateway.security;

import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Writes, feeds (reads included) and other reads unless reads are public need an API key, as {@code
 * Authorization: Bearer <key>} or {@code X-API-Key: <key>}: none is 401, a wrong one 403. Writes
 * are rate limited per key and per client address: 429 with Retry-After.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class WriteGuard implements ContainerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String API_KEY_HEADER = "X-API-Key";
  // Feeds are the operators' business: reading them needs a key too.
  private static final String FEEDS = "/api/v1/feeds";

  private final ApiKeys keys;
  private final WriteLimits limits;
  // Filters are created at static init, before run-time configuration exists: look it up late,
  // once (each Instance.get() of the mapping creates it anew: measured at ~9 % of a cached read).
  private final Instance<GatewayConfig> config;
  private volatile Boolean publicReads;

  @Context HttpServerRequest httpRequest;

  WriteGuard(ApiKeys keys, WriteLimits limits, Instance<GatewayConfig> config) {
    this.keys = keys;
    this.limits = limits;
    this.config = config;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("/api/")) {
      return;
    }
    boolean read = READS.contains(request.getMethod());
    boolean operatorsOnly = request.getUriInfo().getPath().startsWith(FEEDS);
    if (read && publicReads() && !operatorsOnly) {
      return;
    }
    String key = presentedKey(request);
    if (key == null) {
      abort(
          request,
          Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "An API key is required.")
              .response()
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
      return;
    }
    if (!keys.isValid(key)) {
      abort(
          request,
          Problem.of(Response.Status.FORBIDDEN, "forbidden", "The API key is not valid.")
              .response());
      return;
    }
    if (read) {
      return;
    }
    String address =
        httpRequest.remoteAddress() == null ? "unknown" : httpRequest.remoteAddress().hostAddress();
    long wait = limits.secondsToWait(fingerprint(key), address);
    if (wait > 0) {
      abort(
          request,
          Problem.of(
                  Response.Status.TOO_MANY_REQUESTS, "rate-limited", "Too many writes; slow down.")
              .response()
              .header(HttpHeaders.RETRY_AFTER, wait));
    }
  }

  private static String presentedKey(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String key = authorization.substring(7).strip();
      return key.isEmpty() ? null : key;
    }
    String key = request.getHeaderString(API_KEY_HEADER);
    return key == null || key.isBlank() ? null : key.strip();
  }

  /** Buckets are keyed by a hash, so keys are not held in memory longer than the request. */
  private static String fingerprint(String key) {
    return java.util.HexFormat.of().formatHex(ApiKeys.sha256(key));
  }

  private static void abort(ContainerRequestContext request, Response.ResponseBuilder response) {
    request.abortWith(response.build());
  }

  private boolean publicReads() {
    Boolean known = publicReads;
    if (known == null) {
      known = config.get().publicReads();
      publicReads = known;
    }
    return known;
  }
}
