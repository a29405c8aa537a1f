package io.newsbrief.summary.summarizer;

import io.newsbrief.commons.error.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The built-in, offline story method ({@value #METHOD}): one brief from all of a story's members.
 *
 * <ol>
 *   <li>Each member's sentences, without scraper junk (URLs, captions and crawl notes, widget text,
 *       headline-like lines, sentences under five words, repeats within the member).
 *   <li>Agreement: a sentence scores by how closely each other member tells the same (its most
 *       similar sentence there, TF-IDF cosine over stems, averaged over the other members), plus a
 *       bonus for coming early in its article. What several outlets agree on comes first.
 *   <li>Redundancy removal: picked best first, a sentence that is a near-copy (cosine ≥ {@link
 *       Settings#nearCopy}) of one already picked is left out, and every member telling it is cited
 *       on the kept one, so a fact told by three outlets appears once and cites all three.
 *   <li>Length from the input alone: a share of its words, within bounds.
 *   <li>The best few make the lead; the rest are grouped by sub-topic (similar sentences together)
 *       into sections headed by their key phrases ({@link Headings}), each in reading order.
 * </ol>
 *
 * Deterministic and thread-safe.
 */
@ApplicationScoped
public class MultiDocumentSummarizer {

  public static final String METHOD = "extractive-mds-v1";

  /**
   * How it weighs and how long it writes; {@link #DEFAULTS} is the tuned configuration.
   *
   * @param positionWeight weight of the early-in-its-article bonus against agreement (0..1)
   * @param titleWeight weight of the similarity to the members' titles
   * @param nearCopy cosine from which two sentences tell the same (one is left out, both cited)
   * @param lengthShare share of the input's words the brief has, within {@code minWords} and {@code
   *     maxWords}
   */
  public record Settings(
      double positionWeight,
      double titleWeight,
      double nearCopy,
      double lengthShare,
      int minWords,
      int maxWords,
      int leadSentences,
      int maxSections,
      int sentencesPerSource) {}

  public static final Settings DEFAULTS = new Settings(0.4, 0.8, 0.4, 0.35, 40, 250, 3, 4, 40);

  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final int MIN_WORDS = 5;
  private static final double SAME_TOPIC = 0.1;
  private static final double TOLD_SHARE = 0.5;

  private final Settings settings;

  public MultiDocumentSummarizer() {
    this(DEFAULTS);
  }

  public MultiDocumentSummarizer(Settings settings) {
    this.settings = settings;
  }

  /** One kept sentence of a member: which member, its rank there, its unit TF-IDF vector. */
  private record Candidate(
      Sentence sentence, int source, int rank, int words, Map<String, Double> vector) {}

  /**
   * @param sources the story's members, each as a summarizer reads an article
   * @throws InvalidArgumentException when no member has a sentence to summarize
   */
  public StorySummary summarize(List<ArticleContent> sources) {
    Pool pool = candidates(sources);
    List<Candidate> candidates = pool.candidates();
    if (candidates.isEmpty()) {
      throw new InvalidArgumentException("text", "no member has sentences to summarize");
    }
    double[] scores = scores(pool, sources.size());
    List<Integer> picked = pick(candidates, scores, budget(candidates));
    List<CitedSentence> cited = picked.stream().map(i -> cited(candidates, i)).toList();
    return layout(candidates, picked, cited);
  }

  /**
   * Each candidate's agreement — for every other member, the cosine of its most similar sentence
   * there, averaged — plus its early-in-its-article bonus and its similarity to the titles.
   */
  private double[] scores(Pool pool, int members) {
    List<Candidate> candidates = pool.candidates();
    int n = candidates.size();
    double[][] best = new double[n][members];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Candidate x = candidates.get(i);
        Candidate y = candidates.get(j);
        if (x.source() != y.source()) {
          double cosine = cosine(x.vector(), y.vector());
          best[i][y.source()] = Math.max(best[i][y.source()], cosine);
          best[j][x.source()] = Math.max(best[j][x.source()], cosine);
        }
      }
    }
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      Candidate candidate = candidates.get(i);
      scores[i] =
          Arrays.stream(best[i]).sum() / Math.max(1, members - 1)
              + settings.positionWeight() / Math.sqrt(1 + candidate.rank())
              + settings.titleWeight() * cosine(candidate.vector(), pool.titles());
    }
    return scores;
  }

  /**
   * Candidate {@code i} as the brief shows it, citing its own member and every one that tells it.
   */
  private CitedSentence cited(List<Candidate> candidates, int i) {
    Candidate sentence = candidates.get(i);
    Set<Integer> citing = new TreeSet<>();
    citing.add(sentence.source());
    candidates.stream()
        .filter(other -> tells(other, sentence))
        .forEach(o -> citing.add(o.source()));
    return new CitedSentence(
        SentenceSplitter.withoutDateline(sentence.sentence().text()), List.copyOf(citing));
  }

  /**
   * Whether {@code other} tells what {@code sentence} does: similar overall (a near-copy by cosine)
   * and holding at least half of its content terms, so a source is never cited for a sentence it
   * only touches on.
   */
  private boolean tells(Candidate other, Candidate sentence) {
    if (other.source() == sentence.source()
        || cosine(other.vector(), sentence.vector()) < settings.nearCopy()) {
      return false;
    }
    Set<String> terms = sentence.sentence().terms().keySet();
    long shared = terms.stream().filter(other.sentence().terms()::containsKey).count();
    return shared >= TOLD_SHARE * terms.size();
  }

  /** The members' candidate sentences, and what their titles say (a vector of all of them). */
  private record Pool(List<Candidate> candidates, Map<String, Double> titles) {}

  /** Each member's first sentences, without scraper junk or exact repeats, and their titles. */
  private Pool candidates(List<ArticleContent> sources) {
    List<Sentence> sentences = new ArrayList<>();
    List<int[]> origins = new ArrayList<>();
    for (int source = 0; source < sources.size(); source++) {
      // Exact repeats go within a member; across members a copy is agreement, and gets cited.
      Set<String> seen = new HashSet<>();
      int rank = 0;
      for (Sentence sentence : Sentence.ofArticle(sources.get(source).text())) {
        if (rank == settings.sentencesPerSource()) {
          break;
        }
        String key = sentence.text().toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip();
        if (!isJunk(sentence) && seen.add(key)) {
          sentences.add(sentence);
          origins.add(new int[] {source, rank++});
        }
      }
    }
    Map<String, Integer> documentFrequency = new HashMap<>();
    sentences.forEach(
        s -> s.terms().keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum)));
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence sentence = sentences.get(i);
      int words = (int) WORD.matcher(sentence.text()).results().count();
      int[] origin = origins.get(i);
      candidates.add(
          new Candidate(
              sentence,
              origin[0],
              origin[1],
              words,
              unitVector(sentence.terms(), documentFrequency, sentences.size())));
    }
    Map<String, Integer> titleTerms = new HashMap<>();
    sources.forEach(
        source ->
            TextAnalysis.terms(source.title())
                .forEach((term, count) -> titleTerms.merge(term, count, Integer::sum)));
    return new Pool(candidates, unitVector(titleTerms, documentFrequency, sentences.size()));
  }

  /** Scraper junk rather than story: short, or page text ({@link Boilerplate}). */
  static boolean isJunk(Sentence sentence) {
    return sentence.words() < MIN_WORDS
        || sentence.terms().isEmpty()
        || Boilerplate.isBoilerplate(sentence.text());
  }

  /** Unit TF-IDF vector of counted terms; a term no sentence has weighs as the rarest. */
  private static Map<String, Double> unitVector(
      Map<String, Integer> terms, Map<String, Integer> documentFrequency, int sentences) {
    Map<String, Double> vector = new HashMap<>();
    double norm = 0;
    for (var term : terms.entrySet()) {
      double weight =
          (1 + Math.log(term.getValue()))
              * Math.log(1 + sentences / (double) documentFrequency.getOrDefault(term.getKey(), 1));
      vector.put(term.getKey(), weight);
      norm += weight * weight;
    }
    double length = Math.sqrt(norm);
    vector.replaceAll((term, weight) -> length == 0 ? 0 : weight / length);
    return vector;
  }

  /** How many words the brief has: a share of the input's, within bounds. */
  private int budget(List<Candidate> candidates) {
    int words = candidates.stream().mapToInt(Candidate::words).sum();
    return (int)
        Math.max(
            settings.minWords(), Math.min(settings.maxWords(), settings.lengthShare() * words));
  }

  /** The best sentences, no near-copies, until the budget is reached; best first. */
  private List<Integer> pick(List<Candidate> candidates, double[] scores, int budget) {
    List<Integer> byScore = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      byScore.add(i);
    }
    byScore.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i));
    List<Integer> picked = new ArrayList<>();
    int words = 0;
    for (int i : byScore) {
      if (words >= budget) {
        break;
      }
      boolean nearCopy =
          picked.stream()
              .anyMatch(
                  p ->
                      cosine(candidates.get(i).vector(), candidates.get(p).vector())
                          >= settings.nearCopy());
      if (!nearCopy) {
        picked.add(i);
        words += candidates.get(i).words();
      }
    }
    return picked;
  }

  /**
   * The picks earliest in their articles make the lead; the others join the sub-topic they are
   * closest to (a new one while there is room), and each sub-topic becomes a headed section. Within
   * each part sentences read as the outlets tell them: earlier ones first.
   */
  private StorySummary layout(
      List<Candidate> candidates, List<Integer> picked, List<CitedSentence> cited) {
    Map<Integer, CitedSentence> citedByCandidate = new HashMap<>();
    for (int k = 0; k < picked.size(); k++) {
      citedByCandidate.put(picked.get(k), cited.get(k));
    }
    Comparator<Integer> reading =
        Comparator.comparingInt((Integer i) -> candidates.get(i).rank())
            .thenComparingInt(i -> candidates.get(i).source());
    // The lead opens the story as the outlets do: the picks that come earliest in their articles
    // (a widely quoted remark deep in two reports is content, not an opening).
    List<Integer> byReading = new ArrayList<>(picked);
    byReading.sort(reading);
    List<Integer> lead = byReading.subList(0, Math.min(settings.leadSentences(), picked.size()));
    List<Integer> rest = picked.stream().filter(i -> !lead.contains(i)).toList();
    List<List<Integer>> topics = new ArrayList<>();
    List<Map<String, Double>> centroids = new ArrayList<>();
    for (int i : rest) {
      Map<String, Double> vector = candidates.get(i).vector();
      int closest = -1;
      double closeness = 0;
      for (int t = 0; t < topics.size(); t++) {
        double similarity = cosine(vector, centroids.get(t)) / norm(centroids.get(t));
        if (similarity > closeness) {
          closest = t;
          closeness = similarity;
        }
      }
      if (closest < 0 || (closeness < SAME_TOPIC && topics.size() < settings.maxSections())) {
        topics.add(new ArrayList<>());
        centroids.add(new HashMap<>());
        closest = topics.size() - 1;
      }
      topics.get(closest).add(i);
      Map<String, Double> centroid = centroids.get(closest);
      vector.forEach((term, weight) -> centroid.merge(term, weight, Double::sum));
    }
    topics.forEach(topic -> topic.sort(reading));
    Headings headings =
        new Headings(
            topics.stream()
                .map(topic -> topic.stream().map(i -> candidates.get(i).sentence()).toList())
                .toList());
    List<StorySection> sections = new ArrayList<>();
    for (int t = 0; t < topics.size(); t++) {
      sections.add(
          new StorySection(
              headings.heading(t), topics.get(t).stream().map(citedByCandidate::get).toList()));
    }
    return new StorySummary(lead.stream().map(citedByCandidate::get).toList(), sections, METHOD);
  }

  private static double norm(Map<String, Double> vector) {
    return Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
  }

  /** The cosine of unit vectors: their dot product. */
  private static double cosine(Map<String, Double> x, Map<String, Double> y) {
    if (x.size() > y.size()) {
      return cosine(y, x);
    }
    double dot = 0;
    for (var term : x.entrySet()) {
      Double weight = y.get(term.getKey());
      if (weight != null) {
        dot += term.getValue() * weight;
      }
    }
    return dot;
  }
}
