package io.newsbrief.article.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A local web of feeds and pages on WireMock. Each test gets its own site under a fresh path
 * prefix, so URLs never collide across tests; fixtures say {@code {{base}}} where the site's URL
 * goes.
 */
final class FeedFixtures {

  private final WireMockServer server;
  final String prefix = "/" + UUID.randomUUID();

  FeedFixtures(WireMockServer server) {
    this.server = server;
  }

  /** The site's URL; without a server (parser tests) a fixed example one. */
  String base() {
    return (server == null ? "https://news.example.com" : server.baseUrl()) + prefix;
  }

  String url(String path) {
    return base() + path;
  }

  String fixture(String name) {
    try (InputStream in = FeedFixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves the fixture at {@code path} with the content type. */
  void serve(String path, String fixture, String contentType) {
    server.stubFor(
        get(urlPathEqualTo(prefix + path))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", contentType)
                    .withBody(fixture(fixture))));
  }

  void servePage(String path, String fixture) {
    serve(path, fixture, "text/html; charset=utf-8");
  }
}
