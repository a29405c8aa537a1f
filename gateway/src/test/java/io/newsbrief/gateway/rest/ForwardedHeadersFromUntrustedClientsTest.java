package io.newsbrief.gateway.rest;

import static io.newsbrief.gateway.rest.BehindTheIngressTest.submitVia;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forwarded headers from an address that is not a trusted proxy change nothing. */
@QuarkusTest
@TestProfile(ForwardedHeadersFromUntrustedClientsTest.UntrustedProxy.class)
class ForwardedHeadersFromUntrustedClientsTest {

  /** The k8s settings, but the request does not come from the trusted proxy. */
  public static class UntrustedProxy extends BehindTheIngressTest.TrustedProxy {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
      overrides.put("quarkus.http.proxy.trusted-proxies", "10.1.2.3");
      return overrides;
    }
  }

  @Test
  void forwardedHeadersAreIgnored() {
    Response created = submitVia("203.0.113.20");
    created.then().statusCode(201);
    assertThat(created.header("Location")).startsWith("http://localhost:");
  }

  @Test
  void aClientCannotEscapeTheLimitByClaimingOtherAddresses() {
    // Counted by the real peer address (loopback) whatever X-Forwarded-For says; the other test
    // of this class used one write of that allowance already, or none if it ran after.
    int accepted = 0;
    for (int i = 0; i < 4; i++) {
      if (submitVia("192.0.2." + i).statusCode() == 201) {
        accepted++;
      }
    }
    assertThat(accepted).isLessThanOrEqualTo(2);
  }
}
