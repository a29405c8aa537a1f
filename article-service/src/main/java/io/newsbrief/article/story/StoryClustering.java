package io.newsbrief.article.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Online clustering of articles into stories, one article at a time in publication order: an
 * article joins the active story it is most similar to, on average over the story's members
 * (average link: one loosely related member cannot pull in a different event), when that reaches
 * the threshold; otherwise it starts a story of its own. Similarity is the cosine of TF-IDF vectors
 * of title and lead ({@link StoryTerms}), less a penalty per day between the two articles, so that
 * two reports of one topic days apart — the next day's vote, the week's second shooting — stay
 * apart while same-day reports of one event join. Candidates come from an inverted index of the
 * active stories' terms, so the work per article follows the stories that share its words, not the
 * number of stored articles.
 *
 * <p>Not thread-safe: one instance assigns articles one after another.
 */
public final class StoryClustering {

  /** How the clustering weighs and decides; {@link #DEFAULTS} is the tuned configuration. */
  public record Settings(Duration window, int leadWords, double threshold, double penaltyPerDay) {}

  public static final Settings DEFAULTS = new Settings(Duration.ofHours(72), 60, 0.11, 0.08);

  /** One assigned article: which story it joined (or started) and how similar it was. */
  public record Assignment(String storyId, boolean started, double similarity) {}

  private record Member(Map<String, Double> vector, Instant publishedAt) {}

  private static final class Story {
    final String id;
    final List<Member> members = new ArrayList<>();
    Instant lastPublished;

    Story(String id) {
      this.id = id;
    }
  }

  private final Settings settings;
  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final Map<String, Story> stories = new HashMap<>();
  private final Map<String, Set<Story>> storiesByTerm = new HashMap<>();
  private int documents;

  public StoryClustering(Settings settings) {
    this.settings = settings;
  }

  /**
   * Assigns one article. Articles are expected in publication order (a batch is sorted first); a
   * late one still finds the stories active around its own time.
   *
   * @param articleId names the story when the article starts one
   */
  public Assignment assign(String articleId, String title, String text, Instant publishedAt) {
    Map<String, Double> counts = StoryTerms.of(title, text, settings.leadWords());
    documents++;
    counts.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
    Map<String, Double> vector = tfIdf(counts);

    Story best = null;
    double bestScore = settings.threshold();
    for (Story candidate : candidates(vector.keySet(), publishedAt)) {
      double score = averageSimilarity(vector, publishedAt, candidate);
      if (score >= bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    boolean started = best == null;
    if (started) {
      best = new Story(articleId);
      stories.put(articleId, best);
    }
    best.members.add(new Member(vector, publishedAt));
    if (best.lastPublished == null || publishedAt.isAfter(best.lastPublished)) {
      best.lastPublished = publishedAt;
    }
    for (String term : vector.keySet()) {
      storiesByTerm.computeIfAbsent(term, t -> new HashSet<>()).add(best);
    }
    return new Assignment(best.id, started, started ? 0 : bestScore);
  }

  private Set<Story> candidates(Set<String> terms, Instant publishedAt) {
    Set<Story> candidates = new HashSet<>();
    for (String term : terms) {
      for (Story story : storiesByTerm.getOrDefault(term, Set.of())) {
        if (Duration.between(story.lastPublished, publishedAt).compareTo(settings.window()) <= 0) {
          candidates.add(story);
        }
      }
    }
    return candidates;
  }

  private double averageSimilarity(Map<String, Double> vector, Instant publishedAt, Story story) {
    double sum = 0;
    for (Member member : story.members) {
      double days = Math.abs(Duration.between(member.publishedAt(), publishedAt).toHours()) / 24.0;
      sum += cosine(vector, member.vector()) - settings.penaltyPerDay() * days;
    }
    return sum / story.members.size();
  }

  /** Sublinear term frequency times smoothed IDF over the articles seen so far, L2-normalised. */
  private Map<String, Double> tfIdf(Map<String, Double> counts) {
    Map<String, Double> vector = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Double> count : counts.entrySet()) {
      double idf = Math.log((documents + 1.0) / (documentFrequency.get(count.getKey()) + 0.5));
      double weight = (1 + Math.log(count.getValue())) * idf;
      vector.put(count.getKey(), weight);
      norm += weight * weight;
    }
    double length = Math.sqrt(norm);
    if (length > 0) {
      vector.replaceAll((term, weight) -> weight / length);
    }
    return vector;
  }

  private static double cosine(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Double> entry : small.entrySet()) {
      Double other = large.get(entry.getKey());
      if (other != null) {
        dot += entry.getValue() * other;
      }
    }
    return dot;
  }
}
