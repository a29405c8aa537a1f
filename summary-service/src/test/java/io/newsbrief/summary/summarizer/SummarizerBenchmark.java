package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Prints how many briefs per second the built-in summarizers make on one thread: article briefs for
 * articles of about 800 words (the CNN/DailyMail dev articles closest to that length when {@code
 * ../shared} is there, else a built-in article), and story briefs for 5-member stories (the first
 * five articles of the Multi-News dev events with five or more), and the faithfulness check of a
 * 5-sentence brief against its article. Figures, not assertions. Run from summary-service:
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
  static final int STORY_MEMBERS = 5;
  static final int CHECKED_SENTENCES = 5;

  private record CheckedBrief(ArticleContent article, List<String> sentences) {}

  private SummarizerBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<ArticleContent> articles =
        articles(Path.of(args.length > 0 ? args[0] : "../../shared/eval/cnndm-dev.jsonl"));
    ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    double perSecond = perSecond(articles, a -> summarizer.summarize(a).sections().size());
    System.out.printf(
        Locale.ROOT,
        "%s: %.0f briefs/s on one thread (%d articles of %.0f words on average)%n",
        ExtractiveSummarizer.METHOD,
        perSecond,
        articles.size(),
        articles.stream().mapToInt(SummarizerBenchmark::words).average().orElse(0));

    // The faithfulness gate's work per brief: index the article, check five sentences.
    List<CheckedBrief> checked =
        articles.stream()
            .map(a -> new CheckedBrief(a, summarizer.summarize(a).sentences()))
            .filter(brief -> brief.sentences().size() >= CHECKED_SENTENCES)
            .map(b -> new CheckedBrief(b.article(), b.sentences().subList(0, CHECKED_SENTENCES)))
            .toList();
    double checksPerSecond =
        perSecond(
            checked,
            brief -> {
              SourceSupport support =
                  SourceSupport.of(
                      List.of(brief.article().title() + "\n" + brief.article().text()));
              return (int) brief.sentences().stream().map(support::check).count();
            });
    System.out.printf(
        Locale.ROOT,
        "faithfulness: %.2f ms per %d-sentence brief on one thread (%.0f/s; article indexed each"
            + " time)%n",
        1000 / checksPerSecond,
        CHECKED_SENTENCES,
        checksPerSecond);

    List<List<ArticleContent>> stories = stories(Path.of("../../shared/eval/mds-dev.jsonl"));
    MultiDocumentSummarizer storySummarizer = new MultiDocumentSummarizer();
    double storiesPerSecond =
        perSecond(stories, story -> storySummarizer.summarize(story).lead().size());
    System.out.printf(
        Locale.ROOT,
        "%s: %.0f story briefs/s on one thread (%d stories of %d members, %.0f words on average)%n",
        MultiDocumentSummarizer.METHOD,
        storiesPerSecond,
        stories.size(),
        STORY_MEMBERS,
        stories.stream()
            .mapToInt(story -> story.stream().mapToInt(SummarizerBenchmark::words).sum())
            .average()
            .orElse(0));
  }

  /** How many of {@code inputs} {@code work} gets through per second, after a warm-up. */
  private static <T> double perSecond(List<T> inputs, ToIntFunction<T> work) {
    run(inputs, work, WARM_UP_NANOS);
    long started = System.nanoTime();
    long done = run(inputs, work, MEASURE_NANOS);
    return done / ((System.nanoTime() - started) / 1e9);
  }

  private static <T> long run(List<T> inputs, ToIntFunction<T> work, long nanos) {
    long deadline = System.nanoTime() + nanos;
    long done = 0;
    int sink = 0;
    while (System.nanoTime() < deadline) {
      for (T input : inputs) {
        sink += work.applyAsInt(input);
        done++;
      }
    }
    if (sink == 42) {
      System.out.println(); // keeps the work observable
    }
    return done;
  }

  private static int words(ArticleContent article) {
    return article.text().split("\\s+").length;
  }

  /** The first five articles of each dev event with five or more, else five built-in articles. */
  private static List<List<ArticleContent>> stories(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      return List.of(Collections.nCopies(STORY_MEMBERS, articles(file).get(0)));
    }
    return StoryBriefEvaluation.read(file).stream()
        .filter(event -> event.articles().size() >= STORY_MEMBERS)
        .map(event -> event.articles().subList(0, STORY_MEMBERS))
        .toList();
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
        String.join("\n\n", Collections.nCopies(6, ExtractiveSummarizerTest.THREE_TOPICS));
    return List.of(new ArticleContent("Border talks", text, "en"));
  }
}
