package io.newsbrief.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.gateway.service.Served;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Read responses with a strong ETag over the exact bytes sent, so {@code If-None-Match} answers 304
 * with no body, and a Cache-Control that lets clients and proxies keep them a while.
 *
 * <p>The encoded forms of an answer — its JSON, its tag and, once a client asks for it, its gzip —
 * are made once per answer the gateway keeps (a finished brief, a feed page), held as long as that
 * answer object is, and served as bytes: a repeated read neither serializes nor compresses, and a
 * changed brief is a new object, so its old encodings go with the old one.
 */
@ApplicationScoped
public class ETaggedResponses {

  /** Answers whose encodings are kept at most; each lives no longer than the answer itself. */
  static final int MAX_KEPT = 20_000;

  private final ObjectMapper json;
  private final CurrentVertxRequest currentRequest;
  private final Cache<Object, Map<String, Encoded>> encodings =
      Caffeine.newBuilder().weakKeys().maximumSize(MAX_KEPT).build();
  private final AtomicLong serializations = new AtomicLong();

  ETaggedResponses(ObjectMapper json, CurrentVertxRequest currentRequest) {
    this.json = json;
    this.currentRequest = currentRequest;
  }

  /**
   * Marks answers the gateway kept from before the service behind them started failing (RFC 9211);
   * clients are told not to keep them.
   */
  static final String STALE_IF_ERROR = "newsbrief-gateway; hit; detail=stale-if-error";

  /** One answer, encoded: its JSON, its tag, and its gzip once a client has asked for it. */
  static final class Encoded {
    final byte[] json;
    final EntityTag tag;
    private volatile byte[] gzip;

    Encoded(byte[] json) {
      this.json = json;
      this.tag = new EntityTag(sha256(json));
    }

    byte[] gzip() {
      byte[] compressed = gzip;
      if (compressed == null) {
        compressed = gzipped(json);
        gzip = compressed;
      }
      return compressed;
    }
  }

  /** An answer made for this request alone: encoded for it, not kept. */
  public Response ok(Request request, Object body, int maxAgeSeconds) {
    return respond(request, new Encoded(serialized(body)), maxAgeSeconds);
  }

  /** An answer the gateway keeps: its encodings are kept with it. */
  public Response ok(Request request, Served<?> served, int maxAgeSeconds) {
    Encoded encoded = encoded(served.value(), "", served::value);
    return staleMarked(request, served, encoded, maxAgeSeconds);
  }

  /**
   * A page with its {@code next} link (made from this request's URI), each item shown through
   * {@code view} ({@code viewName} tells the views apart).
   */
  public <T> Response page(
      Request request,
      Served<? extends Page<T>> served,
      UriInfo uri,
      String viewName,
      Function<T, ?> view,
      int maxAgeSeconds) {
    Page<T> page = served.value();
    // Keyed by the request's raw URI, which decides the next link: the link (a UriBuilder) is made
    // only when the encoding is, not on every request.
    Encoded encoded =
        encoded(
            page,
            viewName + '|' + currentRequest.getCurrent().request().uri(),
            () -> withNextLink(page.<Object>map(view), uri));
    return staleMarked(request, served, encoded, maxAgeSeconds);
  }

  /** {@code page} with the link to the page after it, or itself on the last page. */
  static <T> Page<T> withNextLink(Page<T> page, UriInfo uri) {
    if (page.cursor() == null) {
      return page;
    }
    return page.withNext(
        uri.getRequestUriBuilder().replaceQueryParam("cursor", page.cursor()).build().toString());
  }

  private Response staleMarked(
      Request request, Served<?> served, Encoded encoded, int maxAgeSeconds) {
    if (!served.stale()) {
      return respond(request, encoded, maxAgeSeconds);
    }
    return Response.fromResponse(respond(request, encoded, 0))
        .header("Cache-Status", STALE_IF_ERROR)
        .build();
  }

  /** A kept answer shown through {@code view} ({@code viewName} tells the views apart). */
  public <T> Response ok(
      Request request, Served<T> served, String viewName, Function<T, ?> view, int maxAgeSeconds) {
    Encoded encoded = encoded(served.value(), viewName, () -> view.apply(served.value()));
    return staleMarked(request, served, encoded, maxAgeSeconds);
  }

  /** The encodings of {@code source} in one of its variants (e.g. its next link), made once. */
  private Encoded encoded(Object source, String variant, Supplier<Object> body) {
    return encodings
        .get(source, kept -> new ConcurrentHashMap<>())
        .computeIfAbsent(variant, v -> new Encoded(serialized(body.get())));
  }

  /** How many answers were serialized so far (the rest were served from kept encodings). */
  long serializations() {
    return serializations.get();
  }

  private Response respond(Request request, Encoded encoded, int maxAgeSeconds) {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(maxAgeSeconds);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(encoded.tag);
    if (notModified != null) {
      return notModified.tag(encoded.tag).cacheControl(cache).build();
    }
    Response.ResponseBuilder response =
        Response.ok().type(MediaType.APPLICATION_JSON_TYPE).tag(encoded.tag).cacheControl(cache);
    if (acceptsGzip()) {
      // Already compressed: the HTTP layer sends bytes with a Content-Encoding as they are.
      return response
          .entity(encoded.gzip())
          .header(HttpHeaders.CONTENT_ENCODING.toString(), "gzip")
          .header(HttpHeaders.VARY.toString(), HttpHeaders.ACCEPT_ENCODING.toString())
          .build();
    }
    return response
        .entity(encoded.json)
        .header(HttpHeaders.VARY.toString(), HttpHeaders.ACCEPT_ENCODING.toString())
        .build();
  }

  private boolean acceptsGzip() {
    return acceptsGzip(
        currentRequest.getCurrent().request().getHeader(HttpHeaders.ACCEPT_ENCODING));
  }

  /**
   * Whether an {@code Accept-Encoding} value admits gzip (RFC 9110 12.5.3): named with a weight
   * above zero, or not named and admitted by {@code *}.
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    Boolean wildcard = null;
    for (String coding : acceptEncoding.split(",")) {
      String[] parameters = coding.split(";");
      String name = parameters[0].strip().toLowerCase(Locale.ROOT);
      boolean admitted = weight(parameters) > 0;
      if (name.equals("gzip") || name.equals("x-gzip")) {
        return admitted;
      }
      if (name.equals("*")) {
        wildcard = admitted;
      }
    }
    return Boolean.TRUE.equals(wildcard);
  }

  /** The {@code q} of a coding: 1 when absent, 0 when unreadable. */
  private static double weight(String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String parameter = parameters[i].strip();
      if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).strip());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private byte[] serialized(Object body) {
    serializations.incrementAndGet();
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response not serialisable", e);
    }
  }

  private static byte[] gzipped(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
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
