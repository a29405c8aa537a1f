package io.newsbrief.article.fetch;

import io.newsbrief.article.fetch.FetchException.Kind;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP GET for feeds and pages, safe to point at the open web: every address (the first and each
 * redirect's) passes the {@link AddressPolicy} and is connected to as checked; bodies are capped
 * while they stream (after decompression, so a gzip bomb stops at the cap); every fetch has
 * connect, idle and total timeouts; at most {@code per-host-concurrency} fetches run per host.
 * Blocks the calling (worker) thread.
 */
@ApplicationScoped
public class Fetcher {

  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
          + " text/html;q=0.9, application/json;q=0.8, */*;q=0.5";

  private final FetchConfig config;
  private final AddressPolicy policy;
  private final HttpClient client;
  private final ConcurrentHashMap<String, Semaphore> permitsByHost = new ConcurrentHashMap<>();

  Fetcher(Vertx vertx, FetchConfig config) {
    this.config = config;
    this.policy = new AddressPolicy(config.allowLoopback(), config.allowPrivateNetworks());
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDecompressionSupported(true)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(32)
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
  }

  @PreDestroy
  void close() {
    client.close();
  }

  public AddressPolicy policy() {
    return policy;
  }

  /**
   * GETs {@code url}, following up to {@code max-redirects} redirects, conditionally when {@code
   * validators} name a previous version.
   *
   * @throws FetchException when there is no 2xx or 304 answer within the limits
   */
  public FetchResult get(URI url, CacheValidators validators, long maxBytes) throws FetchException {
    long deadline = System.nanoTime() + config.totalTimeout().toNanos();
    URI current = url;
    for (int redirects = 0; ; redirects++) {
      Answer answer;
      try {
        answer = getOnce(current, validators, maxBytes, deadline);
      } catch (FetchException e) {
        if (e.kind() != Kind.NETWORK || remainingNanos(deadline) == 0) {
          throw e;
        }
        // A pooled keep-alive connection the server had just closed: one fresh attempt.
        answer = getOnce(current, validators, maxBytes, deadline);
      }
      if (!answer.isRedirect()) {
        if (answer.status() == 304 || (answer.status() >= 200 && answer.status() < 300)) {
          return new FetchResult(
              answer.status(),
              current,
              header(answer.headers(), HttpHeaders.CONTENT_TYPE),
              answer.headers().get(HttpHeaders.ETAG),
              answer.headers().get(HttpHeaders.LAST_MODIFIED),
              PollHints.freshness(
                  answer.headers().get(HttpHeaders.CACHE_CONTROL),
                  answer.headers().get(HttpHeaders.EXPIRES),
                  answer.headers().get(HttpHeaders.DATE),
                  Instant.now()),
              answer.body());
        }
        throw new FetchException(
            Kind.HTTP_STATUS,
            answer.status(),
            "answered HTTP " + answer.status(),
            PollHints.retryAfter(answer.headers().get(HttpHeaders.RETRY_AFTER), Instant.now()));
      }
      if (redirects == config.maxRedirects()) {
        throw new FetchException(
            Kind.HTTP_STATUS, answer.status(), "more than " + config.maxRedirects() + " redirects");
      }
      String location = answer.headers().get(HttpHeaders.LOCATION);
      if (location == null) {
        throw new FetchException(Kind.HTTP_STATUS, answer.status(), "redirect without Location");
      }
      try {
        current = current.resolve(location.strip());
      } catch (IllegalArgumentException e) {
        throw new FetchException(Kind.HTTP_STATUS, answer.status(), "redirect to a malformed URL");
      }
    }
  }

  private Answer getOnce(URI url, CacheValidators validators, long maxBytes, long deadline)
      throws FetchException {
    InetAddress address = policy.resolve(url);
    Semaphore permits =
        permitsByHost.computeIfAbsent(
            url.getHost().toLowerCase(), host -> new Semaphore(config.perHostConcurrency()));
    try {
      if (!permits.tryAcquire(remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
        throw new FetchException(Kind.TIMEOUT, "timed out waiting for a slot on " + url.getHost());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(Kind.TIMEOUT, "interrupted");
    }
    AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
    boolean answered = false;
    try {
      Answer answer =
          send(url, address, validators, maxBytes, inFlight)
              .toCompletionStage()
              .toCompletableFuture()
              .get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
      answered = true;
      return answer;
    } catch (TimeoutException e) {
      throw new FetchException(
          Kind.TIMEOUT, "no complete answer within " + config.totalTimeout().toSeconds() + " s");
    } catch (ExecutionException e) {
      throw asFetchException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(Kind.TIMEOUT, "interrupted");
    } finally {
      HttpClientRequest request = inFlight.get();
      if (!answered && request != null) {
        request.reset(); // closes a connection still busy with an abandoned exchange
      }
      permits.release();
    }
  }

  private Future<Answer> send(
      URI url,
      InetAddress address,
      CacheValidators validators,
      long maxBytes,
      AtomicReference<HttpClientRequest> inFlight) {
    int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(url.toString())
            .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
            .setFollowRedirects(false)
            .setConnectTimeout(config.connectTimeout().toMillis())
            .setIdleTimeout(config.idleTimeout().toMillis())
            .putHeader(HttpHeaders.USER_AGENT, config.userAgent())
            .putHeader(HttpHeaders.ACCEPT, ACCEPT)
            .putHeader(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate");
    if (validators.etag() != null) {
      options.putHeader(HttpHeaders.IF_NONE_MATCH, validators.etag());
    }
    if (validators.lastModified() != null) {
      options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, validators.lastModified());
    }
    return client
        .request(options)
        .compose(
            request -> {
              inFlight.set(request);
              return request.send().compose(response -> readBody(request, response, maxBytes));
            });
  }

  private static Future<Answer> readBody(
      HttpClientRequest request, HttpClientResponse response, long maxBytes) {
    Promise<Answer> answer = Promise.promise();
    String declaredLength = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declaredLength != null && parseLong(declaredLength) > maxBytes) {
      request.reset();
      return Future.failedFuture(tooLarge(maxBytes));
    }
    Buffer body = Buffer.buffer();
    response.handler(
        chunk -> {
          if (body.length() + chunk.length() > maxBytes) {
            answer.tryFail(tooLarge(maxBytes));
            request.reset();
          } else {
            body.appendBuffer(chunk);
          }
        });
    response.exceptionHandler(answer::tryFail);
    response.endHandler(
        done ->
            answer.tryComplete(
                new Answer(response.statusCode(), response.headers(), body.getBytes())));
    return answer.future();
  }

  private static FetchException tooLarge(long maxBytes) {
    return new FetchException(Kind.TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
  }

  private static FetchException asFetchException(Throwable failure) {
    if (failure instanceof FetchException fetch) {
      return fetch;
    }
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    Kind kind =
        failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout")
            ? Kind.TIMEOUT
            : Kind.NETWORK;
    return new FetchException(kind, message);
  }

  private static long remainingNanos(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String header(MultiMap headers, CharSequence name) {
    String value = headers.get(name);
    return value == null ? "" : value;
  }

  private record Answer(int status, MultiMap headers, byte[] body) {
    boolean isRedirect() {
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
  }
}
