package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway behind a TLS-terminating reverse proxy, configured as k8s/base/gateway.yaml does:
 * links keep the client's https and host, and write limits count the client's address, not the
 * proxy's — but only when the request comes from a trusted proxy address.
 */
@QuarkusTest
@TestProfile(BehindTheIngressTest.TrustedProxy.class)
class BehindTheIngressTest {

  /** k8s settings, with this machine's loopback as the (trusted) ingress controller. */
  public static class TrustedProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true",
          "quarkus.http.proxy.enable-forwarded-host", "true",
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
          "newsbrief.gateway.writes-per-minute-per-ip", "2");
    }
  }

  static Response submitVia(String clientAddress) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-API-Key", GatewayApiTest.KEY)
        .header("X-Forwarded-For", clientAddress)
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "api.newsbrief.example")
        .body(Map.of("url", "https://example.com/" + UUID.randomUUID(), "title", "T", "text", "x"))
        .post("/api/v1/articles");
  }

  @Test
  void linksKeepTheClientsSchemeAndHost() {
    Response created = submitVia("203.0.113.10");
    created.then().statusCode(201);
    assertThat(created.header("Location"))
        .startsWith("https://api.newsbrief.example/api/v1/articles/");

    submitVia("203.0.113.11").then().statusCode(201);
    String next =
        given()
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "api.newsbrief.example")
            .queryParam("limit", 1)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .path("next");
    assertThat(next).startsWith("https://api.newsbrief.example/api/v1/articles?");
  }

  @Test
  void writeLimitsCountEachClientNotTheProxy() {
    submitVia("198.51.100.1").then().statusCode(201);
    submitVia("198.51.100.1").then().statusCode(201);
    submitVia("198.51.100.1").then().statusCode(429);
    // Another client behind the same proxy has its own allowance.
    submitVia("198.51.100.2").then().statusCode(201);
  }
}
