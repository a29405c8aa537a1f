package io.newsbrief.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up [--fresh] [--native]}: the suite in the foreground, seeded with samples, until Ctrl-C;
 * {@code --native} runs the services' native executables ({@code ./mvnw package -Dnative}).
 */
final class UpCommand {

  private UpCommand() {}

  static int run(String[] args) throws Exception {
    boolean fresh = List.of(args).contains("--fresh");
    if (List.of(args).contains("--native")) {
      System.setProperty("newsbrief.native", "true");
    }
    SuiteSettings settings = SuiteSettings.local(Path.of("").toAbsolutePath());
    LocalSuite suite = new LocalSuite(settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  suite.close();
                  System.out.println("newsbrief: stopped");
                },
                "newsbrief-shutdown"));
    try {
      suite.start(fresh);
    } catch (LocalSuite.LaunchException e) {
      System.err.println("newsbrief: " + e.getMessage());
      return 1;
    }
    try {
      SampleArticles.Outcome seeded =
          SampleArticles.submit(suite.baseUrl(ServiceSpec.GATEWAY), LocalSuite.LOCAL_API_KEY);
      System.out.printf(
          "newsbrief: sample articles: %d new, %d already there%n",
          seeded.created(), seeded.existing());
    } catch (IOException e) {
      System.err.println("newsbrief: could not submit the sample articles: " + e.getMessage());
    }
    printBanner(suite, settings);
    new CountDownLatch(1).await(); // until Ctrl-C runs the shutdown hook
    return 0;
  }

  private static void printBanner(LocalSuite suite, SuiteSettings settings) {
    StringBuilder banner = new StringBuilder("\nnewsbrief: the suite is up (Ctrl-C stops it)\n\n");
    banner.append(String.format("  %-16s %-24s %s%n", "service", "HTTP + gRPC", "health"));
    for (ServiceSpec service : ServiceSpec.SUITE) {
      banner.append(
          String.format(
              "  %-16s %-24s %s%n",
              service.name(),
              "localhost:" + settings.port(service),
              suite.baseUrl(service) + "/q/health/ready"));
    }
    banner.append(
        String.format(
            "  %-16s %-24s %s%n",
            "postgresql",
            "localhost:" + settings.postgresPort(),
            "user postgres, databases articles, summaries"));
    String gateway = suite.baseUrl(ServiceSpec.GATEWAY);
    banner
        .append("\n  web page:   ")
        .append(gateway)
        .append("/\n  the feed:   curl -s ")
        .append(gateway)
        .append("/api/v1/briefs\n  API docs:   ")
        .append(gateway)
        .append("/q/swagger-ui\n  write key:  ")
        .append(LocalSuite.LOCAL_API_KEY)
        .append(" (header X-API-Key)\n  logs:       ")
        .append(settings.stateDir().resolve("logs"))
        .append('\n');
    System.out.println(banner);
  }
}
