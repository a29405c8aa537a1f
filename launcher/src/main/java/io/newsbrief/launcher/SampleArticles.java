package io.newsbrief.launcher;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A handful of sample articles (written for this project) submitted through the gateway, as an app
 * would, so that a fresh suite shows briefs within seconds. Submitting is idempotent: on a restart
 * the articles are found, not duplicated.
 */
final class SampleArticles {

  static final String RESOURCE = "/seed/articles.json";

  /** How the gateway answered each sample: created or already there. */
  record Outcome(int created, int existing) {}

  private SampleArticles() {}

  static List<String> bodies() throws IOException {
    try (InputStream in = SampleArticles.class.getResourceAsStream(RESOURCE);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      List<String> bodies = new ArrayList<>();
      for (JsonElement article : JsonParser.parseReader(reader).getAsJsonArray()) {
        bodies.add(article.toString());
      }
      return bodies;
    }
  }

  static Outcome submit(String gatewayUrl, String apiKey) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    int created = 0;
    int existing = 0;
    for (String body : bodies()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/articles"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("X-API-Key", apiKey)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      switch (response.statusCode()) {
        case 201 -> created++;
        case 200 -> existing++;
        default ->
            throw new IOException(
                "the gateway answered " + response.statusCode() + ": " + response.body());
      }
    }
    return new Outcome(created, existing);
  }
}
