package io.newsbrief.article.story;

import io.newsbrief.commons.text.SparseVectors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Online clustering of articles into stories, one article at a time in publication order: an
 * article joins the story it is most similar to, on average over the story's members published
 * within the window of it (average link: one loosely related member cannot pull in a different
 * event), when that reaches the threshold; otherwise it starts a story of its own. Similarity is
 * the cosine of TF-IDF vectors of title and lead ({@link StoryTerms}), less a penalty per day
 * between the two articles, so that two reports of one topic days apart stay apart while same-day
 * reports of one event join. Candidates are the stories with a member sharing one of the article's
 * most telling terms (an inverted index of each member's), so the work per article follows the few
 * stories that share its rare words, not the number of stored articles.
 *
 * <p>The same code serves the evaluation (everything in memory) and the service, which {@link
 * #remember remembers} the stored articles and term statistics a batch can meet before assigning
 * it. Not thread-safe: one instance assigns one batch, article after article.
 */
public final class StoryClustering {

  /** How the clustering weighs and decides; {@link #DEFAULTS} is the tuned configuration. */
  public record Settings(
      Duration window, int leadWords, int indexedTerms, double threshold, double penaltyPerDay) {}

  public static final Settings DEFAULTS = new Settings(Duration.ofHours(72), 60, 16, 0.11, 0.08);

  /** An article's TF-IDF vector, its most telling terms first. */
  public record TermVector(List<String> terms, float[] weights) {

    Map<String, Double> asMap() {
      Map<String, Double> map = new HashMap<>();
      for (int i = 0; i < terms.size(); i++) {
        map.put(terms.get(i), (double) weights[i]);
      }
      return map;
    }
  }

  /** An article already in a story. */
  public record Member(String articleId, String storyId, Instant publishedAt, TermVector vector) {}

  /** One assigned article: its story, whether it started it, the similarity, and its vector. */
  public record Assignment(String storyId, boolean started, double similarity, TermVector vector) {}

  private record Indexed(Member member, Map<String, Double> vector) {}

  /**
   * Bounds the work per article where many stories share its heaviest terms (a flood of
   * near-identical wire copy): only the stories sharing the most terms are compared.
   */
  static final int MAX_CANDIDATES = 32;

  private final Settings settings;
  private final Map<String, Long> documentFrequency = new HashMap<>();
  private final Map<String, List<Indexed>> postings = new HashMap<>();
  private final Map<String, List<Indexed>> membersByStory = new HashMap<>();
  private long documents;

  public StoryClustering(Settings settings) {
    this.settings = settings;
  }

  /**
   * The terms an article is compared by, with their weighted counts: read once per article and
   * passed to {@link #indexTermsOf} and {@link #assign}.
   */
  public Map<String, Double> countTerms(String title, String text) {
    return StoryTerms.of(title, text, settings.leadWords());
  }

  /**
   * The terms an article is indexed and looked up by: its heaviest, as the statistics remembered so
   * far weigh them. A store fetches the stories sharing these before {@link #assign}.
   */
  public List<String> indexTermsOf(Map<String, Double> counts) {
    return indexTerms(tfIdf(counts));
  }

  private List<String> indexTerms(TermVector vector) {
    List<String> terms = vector.terms();
    return terms.subList(0, Math.min(terms.size(), settings.indexedTerms()));
  }

  /** Corpus statistics so far: how many articles, and in how many of them each term occurs. */
  public void rememberStatistics(long documents, Map<String, Long> documentFrequency) {
    this.documents = documents;
    this.documentFrequency.putAll(documentFrequency);
  }

  /** A stored article, so that later articles can join its story. */
  public void remember(Member member) {
    Indexed indexed = new Indexed(member, member.vector().asMap());
    for (String term : indexTerms(member.vector())) {
      postings.computeIfAbsent(term, t -> new ArrayList<>()).add(indexed);
    }
    membersByStory.computeIfAbsent(member.storyId(), s -> new ArrayList<>()).add(indexed);
  }

  /**
   * Assigns one article and remembers it. Articles are expected in publication order (a batch is
   * sorted first); a late one still finds the stories active around its own time.
   *
   * @param articleId names the story when the article starts one
   */
  public Assignment assign(String articleId, String title, String text, Instant publishedAt) {
    return assign(articleId, countTerms(title, text), publishedAt);
  }

  /** {@link #assign(String, String, String, Instant)} of an article whose terms are counted. */
  public Assignment assign(String articleId, Map<String, Double> counts, Instant publishedAt) {
    documents++;
    counts.keySet().forEach(term -> documentFrequency.merge(term, 1L, Long::sum));
    TermVector vector = tfIdf(counts);
    Map<String, Double> asMap = vector.asMap();

    String best = null;
    double bestScore = settings.threshold();
    for (String story : candidateStories(indexTerms(vector), publishedAt)) {
      double score = averageSimilarity(asMap, publishedAt, membersByStory.get(story));
      if (score >= bestScore) {
        bestScore = score;
        best = story;
      }
    }
    boolean started = best == null;
    String storyId = started ? articleId : best;
    remember(new Member(articleId, storyId, publishedAt, vector));
    return new Assignment(storyId, started, started ? 0 : bestScore, vector);
  }

  /**
   * The stories with a member in the window sharing one of {@code terms}, at most {@link
   * #MAX_CANDIDATES} of them: those sharing the most.
   */
  private Collection<String> candidateStories(List<String> terms, Instant publishedAt) {
    Map<String, Integer> shared = new HashMap<>();
    for (String term : terms) {
      for (Indexed indexed : postings.getOrDefault(term, List.of())) {
        if (withinWindow(indexed.member().publishedAt(), publishedAt)) {
          shared.merge(indexed.member().storyId(), 1, Integer::sum);
        }
      }
    }
    if (shared.size() <= MAX_CANDIDATES) {
      return shared.keySet();
    }
    return shared.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_CANDIDATES)
        .map(Map.Entry::getKey)
        .toList();
  }

  private double averageSimilarity(
      Map<String, Double> vector, Instant publishedAt, List<Indexed> members) {
    double sum = 0;
    int counted = 0;
    for (Indexed member : members) {
      Instant memberTime = member.member().publishedAt();
      if (withinWindow(memberTime, publishedAt)) {
        double days = Math.abs(Duration.between(memberTime, publishedAt).toMinutes()) / 1440.0;
        sum += SparseVectors.dot(vector, member.vector()) - settings.penaltyPerDay() * days;
        counted++;
      }
    }
    return counted == 0 ? Double.NEGATIVE_INFINITY : sum / counted;
  }

  private boolean withinWindow(Instant a, Instant b) {
    return Duration.between(a, b).abs().compareTo(settings.window()) <= 0;
  }

  /** Sublinear term frequency times smoothed IDF, L2-normalised, the heaviest terms first. */
  private TermVector tfIdf(Map<String, Double> counts) {
    List<Map.Entry<String, Double>> weighted = new ArrayList<>(counts.size());
    double norm = 0;
    for (Map.Entry<String, Double> count : counts.entrySet()) {
      long df = documentFrequency.getOrDefault(count.getKey(), 1L);
      double weight = (1 + Math.log(count.getValue())) * Math.log((documents + 1.0) / (df + 0.5));
      weighted.add(Map.entry(count.getKey(), weight));
      norm += weight * weight;
    }
    weighted.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    double length = norm > 0 ? Math.sqrt(norm) : 1;
    List<String> terms = new ArrayList<>(weighted.size());
    float[] weights = new float[weighted.size()];
    for (int i = 0; i < weighted.size(); i++) {
      terms.add(weighted.get(i).getKey());
      weights[i] = (float) (weighted.get(i).getValue() / length);
    }
    return new TermVector(List.copyOf(terms), weights);
  }
}
