package io.newsbrief.launcher;

import com.google.protobuf.Descriptors.MethodDescriptor;
import java.io.PrintStream;

/**
 * {@code backfill-stories [HOST:PORT]}: has article-service group the articles stored before
 * stories were clustered, one batch per call until none is left, printing the progress. Safe to
 * rerun and to run beside writers (each batch is one transaction under the assignment lock).
 */
final class BackfillStoriesCommand {

  static final String DEFAULT_TARGET = "localhost:" + ServiceSpec.ARTICLES.basePort();
  private static final String SERVICE = "newsbrief.article.v1.StoryService";

  private BackfillStoriesCommand() {}

  static int run(String[] args, PrintStream out) throws Exception {
    String target = args.length > 0 ? args[0] : DEFAULT_TARGET;
    try (DynamicClient client = new DynamicClient(target)) {
      MethodDescriptor backfill = client.method(SERVICE, "BackfillStories");
      long total = 0;
      long started = System.nanoTime();
      while (true) {
        var response =
            client.unary(backfill, DynamicClient.message(backfill, "{\"batchSize\": 500}"));
        int regrouped = (Integer) DynamicClient.field(response, "regrouped");
        if (regrouped == 0) {
          break;
        }
        total += regrouped;
        out.printf("regrouped %d articles%n", total);
      }
      out.printf(
          "done: %d articles regrouped into stories in %.1f s%n",
          total, (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }
}
