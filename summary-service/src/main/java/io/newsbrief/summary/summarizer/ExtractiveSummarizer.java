package io.newsbrief.summary.summarizer;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.summary.config.SummaryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in, offline method ({@value #METHOD}). Sentences are ranked by a learned model of
 * position, length and centrality ({@link SentenceRanker}); the lead is the best few, in article
 * order. The remaining sentences are cut into topics where the vocabulary shifts ({@link
 * TopicSegmenter}, TextTiling); each topic becomes a section showing its best sentences, grouped as
 * in the article, under a heading made from its key phrases ({@link Headings}). Deterministic: the
 * same article always gives the same brief.
 */
@ApplicationScoped
public class ExtractiveSummarizer implements Summarizer {

  public static final String METHOD = "extractive-v2";
  static final int MIN_SENTENCES_FOR_SECTIONS = 8;

  private final SentenceRanker ranker = SentenceRanker.trained();
  private final Lengths lengths;

  /**
   * How long a brief is: sentences in the lead, sections at most, paragraphs per section and
   * sentences per paragraph at most.
   */
  public record Lengths(
      int leadSentences, int maxSections, int paragraphsPerSection, int sentencesPerParagraph) {

    public static final Lengths DEFAULT = new Lengths(3, 4, 3, 3);
  }

  public ExtractiveSummarizer() {
    this(Lengths.DEFAULT);
  }

  @Inject
  ExtractiveSummarizer(SummaryConfig config) {
    this(
        new Lengths(
            config.extractive().leadSentences(),
            config.extractive().maxSections(),
            config.extractive().paragraphsPerSection(),
            config.extractive().sentencesPerParagraph()));
  }

  ExtractiveSummarizer(Lengths lengths) {
    this.lengths = lengths;
  }

  @Override
  public Summary summarize(ArticleContent article) {
    List<Sentence> sentences = Sentence.ofArticle(article.text());
    if (sentences.isEmpty()) {
      // Bad input, not a summarizer failure: no retry can help.
      throw new InvalidArgumentException("text", "has no sentences to summarize");
    }
    double[] scores = scores(article.title(), sentences);
    List<Integer> lead = SentenceRanker.best(sentences, scores, lengths.leadSentences());
    String leadText = String.join(" ", shown(sentences, lead));
    if (sentences.size() < MIN_SENTENCES_FOR_SECTIONS) {
      return new Summary(leadText, List.of(), METHOD);
    }
    Set<Integer> inLead = new HashSet<>(lead);
    List<Sentence> rest = sentences.stream().filter(s -> !inLead.contains(s.index())).toList();
    List<List<Sentence>> topics = TopicSegmenter.segments(rest, sectionCount(rest.size()));
    List<Section> sections = new ArrayList<>();
    Headings headings = new Headings(topics);
    for (int t = 0; t < topics.size(); t++) {
      sections.add(new Section(headings.heading(t), paragraphs(topics.get(t), scores)));
    }
    return new Summary(leadText, sections, METHOD);
  }

  /** The best {@code count} sentences, in article order, as shown in a brief. */
  List<String> topSentences(String title, String text, int count) {
    List<Sentence> sentences = Sentence.ofArticle(text);
    return shown(sentences, SentenceRanker.best(sentences, scores(title, sentences), count));
  }

  private double[] scores(String title, List<Sentence> sentences) {
    return ranker.scores(SentenceFeatures.of(title, sentences));
  }

  /** The picked sentences as a brief shows them. */
  private static List<String> shown(List<Sentence> sentences, List<Integer> picked) {
    return picked.stream().map(i -> display(sentences.get(i))).toList();
  }

  private int sectionCount(int sentences) {
    return Math.max(
        1, Math.min(lengths.maxSections(), Math.min(sentences / 2, Math.round(sentences / 5f))));
  }

  /** The topic's best sentences, in article order, grouped by the paragraph they come from. */
  private List<String> paragraphs(List<Sentence> topic, double[] scores) {
    int budget = lengths.paragraphsPerSection() * lengths.sentencesPerParagraph();
    List<Sentence> shown =
        topic.stream()
            .sorted(
                Comparator.comparingDouble((Sentence s) -> -scores[s.index()])
                    .thenComparingInt(Sentence::index))
            .limit(Math.min(budget, Math.max(2, (topic.size() + 1) / 2)))
            .sorted(Comparator.comparingInt(Sentence::index))
            .toList();
    List<List<String>> groups = new ArrayList<>();
    int paragraph = -1;
    for (Sentence sentence : shown) {
      if (sentence.paragraph() != paragraph
          || groups.get(groups.size() - 1).size() == lengths.sentencesPerParagraph()) {
        if (groups.size() == lengths.paragraphsPerSection()) {
          break;
        }
        groups.add(new ArrayList<>());
        paragraph = sentence.paragraph();
      }
      groups.get(groups.size() - 1).add(display(sentence));
    }
    return groups.stream().map(group -> String.join(" ", group)).toList();
  }

  private static String display(Sentence sentence) {
    return SentenceSplitter.withoutDateline(sentence.text());
  }
}
