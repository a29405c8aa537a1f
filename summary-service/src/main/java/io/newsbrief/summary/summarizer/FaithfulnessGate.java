package io.newsbrief.summary.summarizer;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.summary.config.SummaryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks LLM briefs against what they were written from ({@link SourceSupport}) and scores every
 * brief. An LLM sentence stays when its support reaches {@code min-sentence-support} and it states
 * no name or number its sources lack and does not reverse their negation; the rest are dropped. A
 * brief that keeps less than {@code min-kept-share} of its lead or of all its sentences is refused
 * ({@link SummarizerException}, so the caller falls back and says why). A story's sentence is
 * checked against the sources it cites, not the whole story. Counts passed, trimmed and rejected
 * LLM briefs ({@code newsbrief_briefs_faithfulness_gate_total}).
 */
@ApplicationScoped
public class FaithfulnessGate {

  enum Outcome {
    PASSED,
    TRIMMED,
    REJECTED
  }

  private final SummaryConfig.Faithfulness config;
  private final MeterRegistry registry;

  FaithfulnessGate(SummaryConfig config, MeterRegistry registry) {
    this.config = config.faithfulness();
    this.registry = registry;
  }

  /** A built-in brief with its score: it only copies the article, so the score is about 1. */
  public Summary scored(Summary summary, ArticleContent article) {
    return summary.withFaithfulness(
        SourceSupport.of(List.of(source(article))).score(summary.sentences()));
  }

  /** A built-in story brief with its score, every sentence against the sources it cites. */
  public StorySummary scored(StorySummary summary, List<ArticleContent> sources) {
    Citations citations = new Citations(sources);
    return summary.withFaithfulness(
        summary.sentences().mapToDouble(citations::support).average().orElse(0));
  }

  /**
   * The LLM's brief without its unsupported sentences, scored.
   *
   * @throws SummarizerException when it keeps too little of its lead or of all its sentences
   */
  public Summary checked(Summary summary, ArticleContent article) {
    SourceSupport support = SourceSupport.of(List.of(source(article)));
    Tally tally = new Tally();
    String lead =
        String.join(" ", tally.kept(SourceSupport.sentencesOf(summary.lead()), support::check));
    tally.endLead();
    List<Section> sections = new ArrayList<>();
    for (Section section : summary.sections()) {
      List<String> paragraphs = new ArrayList<>();
      for (String paragraph : section.paragraphs()) {
        List<String> kept = tally.kept(SourceSupport.sentencesOf(paragraph), support::check);
        if (!kept.isEmpty()) {
          paragraphs.add(String.join(" ", kept));
        }
      }
      if (!paragraphs.isEmpty()) {
        sections.add(new Section(section.heading(), List.copyOf(paragraphs)));
      }
    }
    tally.decide("article");
    return new Summary(lead, List.copyOf(sections), summary.method())
        .withFaithfulness(tally.score());
  }

  /**
   * The LLM's story brief without the sentences its cited sources do not support, scored.
   *
   * @throws SummarizerException when it keeps too little of its lead or of all its sentences
   */
  public StorySummary checked(StorySummary summary, List<ArticleContent> sources) {
    Citations citations = new Citations(sources);
    Tally tally = new Tally();
    List<CitedSentence> lead = tally.kept(summary.lead(), citations::check);
    tally.endLead();
    List<StorySection> sections = new ArrayList<>();
    for (StorySection section : summary.sections()) {
      List<CitedSentence> kept = tally.kept(section.sentences(), citations::check);
      if (!kept.isEmpty()) {
        sections.add(new StorySection(section.heading(), kept));
      }
    }
    tally.decide("story");
    return new StorySummary(lead, List.copyOf(sections), summary.method())
        .withFaithfulness(tally.score());
  }

  private static String source(ArticleContent article) {
    return article.title() + "\n" + article.text();
  }

  /** Each source set a sentence cites, indexed once. */
  private static final class Citations {
    private final List<ArticleContent> sources;
    private final Map<List<Integer>, SourceSupport> bySources = new HashMap<>();

    Citations(List<ArticleContent> sources) {
      this.sources = sources;
    }

    SourceSupport.SentenceCheck check(CitedSentence sentence) {
      return of(sentence).check(sentence.text());
    }

    double support(CitedSentence sentence) {
      return of(sentence).support(sentence.text());
    }

    private SourceSupport of(CitedSentence sentence) {
      return bySources.computeIfAbsent(
          sentence.sources(),
          cited -> SourceSupport.of(cited.stream().map(i -> source(sources.get(i))).toList()));
    }
  }

  /** What the gate kept and dropped of one brief, the lead apart. */
  private final class Tally {
    private int leadSeen;
    private int leadKept;
    private int seen;
    private int kept;
    private double keptSupport;
    private boolean inLead = true;

    <T> List<T> kept(List<T> sentences, Function<T, SourceSupport.SentenceCheck> check) {
      List<T> kept = new ArrayList<>();
      for (T sentence : sentences) {
        SourceSupport.SentenceCheck result = check.apply(sentence);
        boolean stays =
            result.support() >= config.minSentenceSupport() && result.statesOnlySupportedFacts();
        seen++;
        leadSeen += inLead ? 1 : 0;
        if (stays) {
          kept.add(sentence);
          this.kept++;
          leadKept += inLead ? 1 : 0;
          keptSupport += result.support();
        }
      }
      return kept;
    }

    void endLead() {
      inLead = false;
    }

    double score() {
      return kept == 0 ? 0 : keptSupport / kept;
    }

    /** Counts the outcome; refuses the brief when too little of it stays. */
    void decide(String subject) {
      String why = null;
      if (leadKept == 0 || leadKept < config.minKeptShare() * leadSeen) {
        why =
            String.format(
                Locale.ROOT,
                "unfaithful: %d of %d lead sentences not supported by the %s",
                leadSeen - leadKept,
                leadSeen,
                subject);
      } else if (kept < config.minKeptShare() * seen) {
        why =
            String.format(
                Locale.ROOT,
                "unfaithful: %d of %d sentences not supported by the %s",
                seen - kept,
                seen,
                subject);
      }
      Outcome outcome =
          why != null ? Outcome.REJECTED : kept < seen ? Outcome.TRIMMED : Outcome.PASSED;
      registry
          .counter(
              "newsbrief.briefs.faithfulness.gate",
              "outcome",
              outcome.name().toLowerCase(Locale.ROOT),
              "subject",
              subject)
          .increment();
      if (why != null) {
        throw new SummarizerException(why);
      }
    }
  }
}
