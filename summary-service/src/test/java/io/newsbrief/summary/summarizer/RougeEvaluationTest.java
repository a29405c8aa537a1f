package io.newsbrief.summary.summarizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On the shared dev files (skipped when {@code ../shared} is absent): this ROUGE gives the LEAD-3
 * figures published with the data, and the built-in summarizer stays ahead of LEAD-3 (a quality
 * guard; no timing).
 */
class RougeEvaluationTest {

  @ParameterizedTest
  @CsvSource({
    "cnndm-dev.jsonl, 39.57, 17.07, 35.94, 1.0",
    "bbc-dev.jsonl, 45.85, 37.35, 44.80, 0.0"
  })
  void lead3MatchesThePublishedFiguresAndTheSummarizerBeatsIt(
      String name, double r1, double r2, double rLsum, double requiredGain) throws IOException {
    Path file = Path.of("../../shared/eval", name);
    Assumptions.assumeTrue(Files.isReadable(file), file + " is not there");
    List<EvaluationData> articles = EvaluationData.read(file);
    List<String> references = articles.stream().map(EvaluationData::reference).toList();
    ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    RougeEvaluation.Figures lead =
        RougeEvaluation.score(articles.stream().map(RougeEvaluation::lead3).toList(), references);
    RougeEvaluation.Figures ours =
        RougeEvaluation.score(
            articles.stream()
                .map(a -> String.join("\n", summarizer.topSentences(a.title(), a.text(), 3)))
                .toList(),
            references);

    assertThat(lead.rouge1()).isCloseTo(r1, within(0.3));
    assertThat(lead.rouge2()).isCloseTo(r2, within(0.3));
    assertThat(lead.rougeLsum()).isCloseTo(rLsum, within(0.3));
    assertThat(ours.rouge1()).isGreaterThanOrEqualTo(lead.rouge1() + requiredGain);
    assertThat(ours.rouge2()).isGreaterThanOrEqualTo(lead.rouge2());
    assertThat(ours.rougeLsum()).isGreaterThanOrEqualTo(lead.rougeLsum());
  }
}
