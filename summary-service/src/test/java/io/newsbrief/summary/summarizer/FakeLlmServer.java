package io.newsbrief.summary.summarizer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A local OpenAI-compatible endpoint (WireMock) that the LLM summarizer is configured to call.
 * Tests receive the server in a {@code WireMockServer} field to stub its answers.
 */
public class FakeLlmServer implements QuarkusTestResourceLifecycleManager {

  static final String MODEL = "test-model";
  static final String API_KEY = "test-key";
  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    return Map.of(
        "newsbrief.summary.llm.base-url",
        server.baseUrl() + "/v1",
        "newsbrief.summary.llm.model",
        MODEL,
        "newsbrief.summary.llm.api-key",
        API_KEY,
        "newsbrief.summary.llm.timeout",
        "1S");
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
