package io.newsbrief.loadtest;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The gateway as a mobile app talks to it, for the fault tests: single requests with a timeout, and
 * a patient submit that retries what a client should retry (503 and lost connections) with the same
 * URL, which is safe because submitting is idempotent per canonical URL.
 */
final class GatewayClient {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** One answer; status 0 when no HTTP answer arrived (connection refused or reset, timeout). */
  record Answer(int status, String contentType, String body, Duration took) {
    boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }

  /** An article the gateway accepted (2xx) after {@code attempts} tries. */
  record Accepted(int n, String id, int status, int attempts) {}

  private final String baseUrl;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  GatewayClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  Answer post(String path, String json) {
    return post(path, json, apiKey);
  }

  /** A POST with the given key ({@code null}: none). */
  Answer post(String path, String json, String key) {
    return send("POST", path, json, "application/json", key);
  }

  /** Any request; {@code body}, {@code contentType} and {@code key} may be null. */
  Answer send(String method, String path, String body, String contentType, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return send(request);
  }

  /**
   * Submits generated article {@code n} of {@code run} until the gateway accepts it or the deadline
   * passes; 503 and transport failures are retried after a short jittered pause.
   *
   * @return the acceptance, or {@code null} if it was refused for good or the deadline passed
   */
  Accepted submitUntilAccepted(String run, int n, Duration deadline) throws InterruptedException {
    long giveUpAt = System.nanoTime() + deadline.toNanos();
    String json = GeneratedArticles.json(run, n);
    for (int attempt = 1; ; attempt++) {
      Answer answer = post("/api/v1/articles", json);
      if (answer.isSuccess()) {
        String id = JsonParser.parseString(answer.body()).getAsJsonObject().get("id").getAsString();
        return new Accepted(n, id, answer.status(), attempt);
      }
      boolean retryable = answer.status() == 0 || answer.status() == 503;
      if (!retryable || System.nanoTime() > giveUpAt) {
        return null;
      }
      Thread.sleep(100 + ThreadLocalRandom.current().nextInt(200));
    }
  }

  private Answer send(HttpRequest.Builder request) {
    Answer answer = sendOnce(request);
    // A kept-alive connection the server closed after its last answer (Vert.x closes it after a
    // 414 without saying so): the request never arrived, and clients send it again.
    return answer.status() == 0 && answer.body().contains("received no bytes")
        ? sendOnce(request)
        : answer;
  }

  private Answer sendOnce(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      return new Answer(0, "", e.toString(), Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "", "interrupted", Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
