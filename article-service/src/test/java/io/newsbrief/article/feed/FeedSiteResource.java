package io.newsbrief.article.feed;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A news site on loopback for the packaged service: the Courier's RSS feed and its three pages. The
 * service may fetch from loopback for this test only.
 */
public class FeedSiteResource implements QuarkusTestResourceLifecycleManager {

  private static WireMockServer server;
  private static FeedFixtures site;

  static String feedUrl() {
    return site.url("/courier.rss");
  }

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    site = new FeedFixtures(server);
    site.serve("/courier.rss", "feeds/courier.rss.xml", "application/rss+xml");
    site.servePage("/news/local/council-backs-tram", "pages/tram.html");
    site.servePage("/news/local/harbour-wall", "pages/harbour.html");
    site.servePage("/news/local/bibliotheque", "pages/library.html");
    return Map.of("newsbrief.fetch.allow-loopback", "true");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
