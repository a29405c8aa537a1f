package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints how many briefs per second the built-in summarizers make on one thread: article briefs for
 * articles of about 800 words (the CNN/DailyMail dev articles closest to that length when {@code
 * ../shared} is there, else a built-in article), and story briefs for 5-member stories (the first
 * five articles of the Multi-News dev events with five or more). Figures, not assertions. Run from
 * summary-service:
 *
 * <pre>
 * ../mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.newsbrief.summary.summarizer.SummarizerBenchmark
 * </pre>
 */
public final class SummarizerBenchmark {

  static final int TARGET_WORDS = 800;
  static final long WARM_UP_NANOS = 5_000_000_000L;
  static final long MEASURE_NANOS = 10_000_000_000L;

  private SummarizerBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<ArticleContent> articles =
        articles(Path.of(args.length > 0 ? args[0] : "../../shared/eval/cnndm-dev.jsonl"));
    double words =
        articles.stream().mapToInt(a -> a.text().split("\\s+").length).average().orElse(0);
    ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    run(summarizer, articles, WARM_UP_NANOS);
    long started = System.nanoTime();
    long briefs = run(summarizer, articles, MEASURE_NANOS);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %.0f briefs/s on one thread (%d articles of %.0f words on average, %d briefs in %.1f s)%n",
        ExtractiveSummarizer.METHOD,
        briefs / seconds,
        articles.size(),
        words,
        briefs,
        seconds);
    storyBriefs(Path.of("../../shared/eval/mds-dev.jsonl"));
  }

  private static final int STORY_MEMBERS = 5;

  private static void storyBriefs(Path file) throws IOException {
    List<List<ArticleContent>> stories =
        Files.isReadable(file)
            ? StoryBriefEvaluation.read(file).stream()
                .filter(e -> e.articles().size() >= STORY_MEMBERS)
                .map(e -> e.articles().subList(0, STORY_MEMBERS))
                .toList()
            : List.of(java.util.Collections.nCopies(STORY_MEMBERS, articles(file).get(0)));
    double words =
        stories.stream()
            .mapToInt(s -> s.stream().mapToInt(a -> a.text().split("\\s+").length).sum())
            .average()
            .orElse(0);
    MultiDocumentSummarizer summarizer = new MultiDocumentSummarizer();
    measureStories(summarizer, stories, WARM_UP_NANOS);
    long started = System.nanoTime();
    long briefs = measureStories(summarizer, stories, MEASURE_NANOS);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %.0f story briefs/s on one thread (%d stories of %d members, %.0f words on average)%n",
        MultiDocumentSummarizer.METHOD,
        briefs / seconds,
        stories.size(),
        STORY_MEMBERS,
        words);
  }

  private static long measureStories(
      MultiDocumentSummarizer summarizer, List<List<ArticleContent>> stories, long nanos) {
    long deadline = System.nanoTime() + nanos;
    long briefs = 0;
    int sink = 0;
    while (System.nanoTime() < deadline) {
      for (List<ArticleContent> story : stories) {
        sink += summarizer.summarize(story).lead().size();
        briefs++;
      }
    }
    if (sink == 42) {
      System.out.println(); // keeps the work observable
    }
    return briefs;
  }

  private static long run(
      ExtractiveSummarizer summarizer, List<ArticleContent> articles, long nanos) {
    long deadline = System.nanoTime() + nanos;
    long briefs = 0;
    int sink = 0;
    while (System.nanoTime() < deadline) {
      for (ArticleContent article : articles) {
        sink += summarizer.summarize(article).sections().size();
        briefs++;
      }
    }
    if (sink == 42) {
      System.out.println(); // keeps the work observable
    }
    return briefs;
  }

  private static List<ArticleContent> articles(Path file) throws IOException {
    if (Files.isReadable(file)) {
      return EvaluationData.read(file).stream()
          .sorted(
              Comparator.comparingInt(a -> Math.abs(a.text().split("\\s+").length - TARGET_WORDS)))
          .limit(20)
          .map(a -> new ArticleContent(a.title(), a.text(), "en"))
          .toList();
    }
    String text =
        String.join(
            "\n\n", java.util.Collections.nCopies(6, ExtractiveSummarizerTest.THREE_TOPICS));
    return List.of(new ArticleContent("Border talks", text, "en"));
  }
}
