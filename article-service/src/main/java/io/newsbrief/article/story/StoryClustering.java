package io.newsbrief.article.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * it, and keeps the instance for the next batch while no other writer intervenes ({@link
 * RememberedStories}). Not thread-safe: one batch at a time, article after article.
 */
public final class StoryClustering {

  /** How the clustering weighs and decides; {@link #DEFAULTS} is the tuned configuration. */
  public record Settings(
      Duration window, int leadWords, int indexedTerms, double threshold, double penaltyPerDay) {}

  public static final Settings DEFAULTS = new Settings(Duration.ofHours(72), 60, 16, 0.11, 0.08);

  /** An article's TF-IDF vector, its most telling terms first. */
  public record TermVector(List<String> terms, float[] weights) {}

  /** An article already in a story. */
  public record Member(String articleId, String storyId, Instant publishedAt, TermVector vector) {}

  /**
   * One assigned article: its story, whether it started it, the similarity, its vector, and the
   * stories it bridged into its own (they no longer exist; their ids are aliases of {@code
   * storyId}).
   */
  public record Assignment(
      String storyId, boolean started, double similarity, TermVector vector, List<String> merged) {}

  /**
   * A member as the clustering compares it: its vector, its stored story as an ordinal, and when it
   * was published (epoch milliseconds, compared for every member of every candidate).
   */
  private record Indexed(Member member, Sparse vector, int story, long publishedMillis) {}

  /**
   * The members indexed under one term, in publication order, as parallel arrays of what {@link
   * #candidateStories} reads: thousands of postings per article, read without a pointer chase.
   */
  private static final class Postings {
    private int[] stories = new int[4];
    private long[] publishedMillis = new long[4];
    private int size;

    void add(int story, long published) {
      if (size == stories.length) {
        stories = Arrays.copyOf(stories, 2 * size);
        publishedMillis = Arrays.copyOf(publishedMillis, 2 * size);
      }
      stories[size] = story;
      publishedMillis[size++] = published;
    }
  }

  /**
   * A vector over this instance's term ids, sorted by id, so that a dot product is one merge of two
   * arrays, without hashing or boxing: the comparisons with stories' members are most of the work.
   */
  private record Sparse(int[] ids, double[] weights) {

    double dot(Sparse other) {
      double sum = 0;
      int i = 0;
      int j = 0;
      while (i < ids.length && j < other.ids.length) {
        if (ids[i] < other.ids[j]) {
          i++;
        } else if (ids[i] > other.ids[j]) {
          j++;
        } else {
          sum += weights[i++] * other.weights[j++];
        }
      }
      return sum;
    }
  }

  /** {@code vector} over term ids, given new ids as needed. */
  private Sparse sparse(TermVector vector) {
    int size = vector.terms().size();
    long[] idAndIndex = new long[size];
    for (int i = 0; i < size; i++) {
      int id = termIds.computeIfAbsent(vector.terms().get(i), term -> termIds.size());
      idAndIndex[i] = ((long) id << 32) | i;
    }
    Arrays.sort(idAndIndex);
    int[] ids = new int[size];
    double[] weights = new double[size];
    for (int i = 0; i < size; i++) {
      ids[i] = (int) (idAndIndex[i] >>> 32);
      weights[i] = vector.weights()[(int) idAndIndex[i]];
    }
    return new Sparse(ids, weights);
  }

  /**
   * Bounds the work per article where many stories share its heaviest terms (a flood of
   * near-identical wire copy): only the stories sharing the most terms are compared.
   */
  static final int MAX_CANDIDATES = 32;

  /**
   * Bounds the postings read per term: a term that more articles in the window share than this says
   * little about which story an article belongs to, and its newest postings stand for it.
   */
  static final int MAX_POSTINGS_PER_TERM = 128;

  private final Settings settings;
  private final long windowMillis;
  private final Map<String, Long> documentFrequency = new HashMap<>();
  private final Map<String, Integer> termIds = new HashMap<>();
  private final Map<String, Postings> postings = new HashMap<>();
  private final Map<String, List<Indexed>> membersByStory = new HashMap<>();
  private final Set<String> memberIds = new HashSet<>();

  /**
   * Stored story ids by ordinal, and their ordinals: candidates are counted in an array by ordinal
   * (thousands of postings per article), not in a map by id.
   */
  private final List<String> storyIds = new ArrayList<>();

  private final Map<String, Integer> storyOrdinals = new HashMap<>();

  /**
   * The ordinal of the story each ordinal's story was merged into, or its own: {@link #survivorOf}
   * follows it, and candidates are counted by it without a lookup by id.
   */
  private int[] mergedIntoOrdinal = new int[64];

  /** Postings counted per story ordinal by {@link #candidateStories}; all zero between calls. */
  private int[] sharedByOrdinal = new int[64];

  /** The ordinals {@link #candidateStories} counted, each once. */
  private final int[] countedOrdinals;

  private long documents;

  public StoryClustering(Settings settings) {
    this.settings = settings;
    this.windowMillis = settings.window().toMillis();
    this.countedOrdinals = new int[settings.indexedTerms() * MAX_POSTINGS_PER_TERM];
  }

  /**
   * The terms an article is compared by, with their weighted counts: read once per article and
   * passed to {@link #indexTermsOf} and {@link #assign}.
   */
  public Map<String, Double> countTerms(String title, String text) {
    return StoryTerms.of(title, text, settings.leadWords());
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

  /** How many articles the statistics count, those assigned here included. */
  public long documents() {
    return documents;
  }

  /** Those of {@code terms} whose document frequency is not known here. */
  public List<String> termsWithoutStatistics(Collection<String> terms) {
    return terms.stream().filter(term -> !documentFrequency.containsKey(term)).toList();
  }

  /** Whether the article is a member known here (remembered or assigned). */
  public boolean remembers(String articleId) {
    return memberIds.contains(articleId);
  }

  /** A stored article, so that later articles can join its story. */
  public void remember(Member member) {
    memberIds.add(member.articleId());
    int story = ordinalOf(member.storyId());
    long published = member.publishedAt().toEpochMilli();
    Indexed indexed = new Indexed(member, sparse(member.vector()), story, published);
    for (String term : indexTerms(member.vector())) {
      postings.computeIfAbsent(term, t -> new Postings()).add(story, published);
    }
    membersByStory
        .computeIfAbsent(survivorOf(member.storyId()), s -> new ArrayList<>())
        .add(indexed);
  }

  private int ordinalOf(String storyId) {
    return storyOrdinals.computeIfAbsent(
        storyId,
        id -> {
          int ordinal = storyIds.size();
          storyIds.add(id);
          if (ordinal == mergedIntoOrdinal.length) {
            mergedIntoOrdinal = Arrays.copyOf(mergedIntoOrdinal, 2 * ordinal);
          }
          mergedIntoOrdinal[ordinal] = ordinal;
          return ordinal;
        });
  }

  private int survivorOrdinal(int ordinal) {
    int survivor = ordinal;
    while (mergedIntoOrdinal[survivor] != survivor) {
      survivor = mergedIntoOrdinal[survivor];
    }
    // Each ordinal on the way now points straight at the survivor: chains of merges stay short.
    for (int next = ordinal; next != survivor; ) {
      int current = next;
      next = mergedIntoOrdinal[current];
      mergedIntoOrdinal[current] = survivor;
    }
    return survivor;
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
    Sparse sparse = sparse(vector);

    Map<String, Double> joinable = new HashMap<>();
    for (String story : candidateStories(indexTerms(vector), publishedAt)) {
      double score = averageSimilarity(sparse, publishedAt, membersByStory.get(story));
      if (score >= settings.threshold()) {
        joinable.put(story, score);
      }
    }
    if (joinable.isEmpty()) {
      remember(new Member(articleId, articleId, publishedAt, vector));
      return new Assignment(articleId, true, 0, vector, List.of());
    }
    // The article joins the story it is closest to. It bridges another story it also reaches into
    // that one when the two stories are as close, on average over their members, as a member must
    // be to join: a bridge alone does not merge two events that merely share a topic.
    String best =
        joinable.entrySet().stream()
            .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry::getKey))
            .orElseThrow()
            .getKey();
    List<String> bridged =
        joinable.keySet().stream()
            .filter(story -> !story.equals(best))
            .filter(story -> linkage(best, story) >= settings.threshold())
            .toList();
    // Merged stories take the largest one's id, so the fewest members change story; of two the
    // same size, the older one's.
    List<String> merging = new ArrayList<>(bridged);
    merging.add(best);
    String survivor =
        merging.stream()
            .max(
                Comparator.<String>comparingInt(story -> membersByStory.get(story).size())
                    .thenComparing(this::firstPublished, Comparator.reverseOrder())
                    .thenComparing(Comparator.reverseOrder()))
            .orElseThrow();
    List<String> merged =
        merging.stream().filter(story -> !story.equals(survivor)).sorted().toList();
    merged.forEach(story -> mergeInto(story, survivor));
    remember(new Member(articleId, survivor, publishedAt, vector));
    return new Assignment(survivor, false, joinable.get(best), vector, merged);
  }

  /** The story {@code storyId} is now part of: itself, unless it was merged into another. */
  public String survivorOf(String storyId) {
    Integer ordinal = storyOrdinals.get(storyId);
    return ordinal == null ? storyId : storyIds.get(survivorOrdinal(ordinal));
  }

  /**
   * The member of a story most similar to the others (the one whose title heads it), among the
   * members this instance knows: those within the window of the articles it assigned.
   */
  public String centralMember(String storyId) {
    List<Indexed> members = membersByStory.getOrDefault(survivorOf(storyId), List.of());
    // A member's similarity to all members, summed, is its dot product with their sum: linear in
    // the story's size, not quadratic (a story of thousands of reports stays cheap).
    Map<Integer, Double> sums = new HashMap<>();
    for (Indexed member : members) {
      for (int i = 0; i < member.vector().ids().length; i++) {
        sums.merge(member.vector().ids()[i], member.vector().weights()[i], Double::sum);
      }
    }
    int[] ids = sums.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    double[] weights = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      weights[i] = sums.get(ids[i]);
    }
    Sparse sum = new Sparse(ids, weights);
    String central = null;
    double bestTotal = Double.NEGATIVE_INFINITY;
    for (Indexed member : members) {
      double total = member.vector().dot(sum);
      if (total > bestTotal) {
        bestTotal = total;
        central = member.member().articleId();
      }
    }
    return central;
  }

  private void mergeInto(String merged, String survivor) {
    mergedIntoOrdinal[ordinalOf(merged)] = ordinalOf(survivor);
    membersByStory
        .computeIfAbsent(survivor, s -> new ArrayList<>())
        .addAll(membersByStory.remove(merged));
  }

  /**
   * The stories with a member in the window sharing one of {@code terms}, at most {@link
   * #MAX_CANDIDATES} of them: those sharing the most.
   */
  private Collection<String> candidateStories(List<String> terms, Instant publishedAt) {
    if (sharedByOrdinal.length < storyIds.size()) {
      sharedByOrdinal =
          Arrays.copyOf(sharedByOrdinal, Math.max(storyIds.size(), 2 * sharedByOrdinal.length));
    }
    long published = publishedAt.toEpochMilli();
    int counted = 0;
    for (String term : terms) {
      Postings posted = postings.get(term);
      if (posted == null) {
        continue;
      }
      // Postings are appended in publication order: the newest stand for a term shared widely.
      for (int i = Math.max(0, posted.size - MAX_POSTINGS_PER_TERM); i < posted.size; i++) {
        if (Math.abs(posted.publishedMillis[i] - published) <= windowMillis) {
          int story = survivorOrdinal(posted.stories[i]);
          if (sharedByOrdinal[story]++ == 0) {
            countedOrdinals[counted++] = story;
          }
        }
      }
    }
    // Each story's count with its ordinal below it, so that one sort of primitives ranks them.
    long[] sharedAndStory = new long[counted];
    for (int i = 0; i < counted; i++) {
      int story = countedOrdinals[i];
      sharedAndStory[i] = ((long) sharedByOrdinal[story] << 32) | story;
      sharedByOrdinal[story] = 0;
    }
    if (counted <= MAX_CANDIDATES) {
      return storiesOf(sharedAndStory, 0, counted);
    }
    // The stories sharing the most; of those sharing as many as the last one taken, the smallest
    // ids, so the choice does not depend on the order stories were counted in.
    Arrays.sort(sharedAndStory);
    int boundary = counted - MAX_CANDIDATES;
    long boundaryShared = sharedAndStory[boundary] >>> 32;
    int firstTie = boundary;
    while (firstTie > 0 && sharedAndStory[firstTie - 1] >>> 32 == boundaryShared) {
      firstTie--;
    }
    int firstAbove = boundary;
    while (firstAbove < counted && sharedAndStory[firstAbove] >>> 32 == boundaryShared) {
      firstAbove++;
    }
    List<String> candidates = new ArrayList<>(storiesOf(sharedAndStory, firstAbove, counted));
    storiesOf(sharedAndStory, firstTie, firstAbove).stream()
        .sorted()
        .limit(MAX_CANDIDATES - candidates.size())
        .forEach(candidates::add);
    return candidates;
  }

  private List<String> storiesOf(long[] sharedAndStory, int from, int to) {
    List<String> stories = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      stories.add(storyIds.get((int) sharedAndStory[i]));
    }
    return stories;
  }

  private double averageSimilarity(Sparse vector, Instant publishedAt, List<Indexed> members) {
    double sum = 0;
    int counted = 0;
    long published = publishedAt.toEpochMilli();
    for (Indexed member : members) {
      long apart = Math.abs(member.publishedMillis() - published);
      if (apart <= windowMillis) {
        double days = apart / 60_000 / 1440.0;
        sum += vector.dot(member.vector()) - settings.penaltyPerDay() * days;
        counted++;
      }
    }
    return counted == 0 ? Double.NEGATIVE_INFINITY : sum / counted;
  }

  private Instant firstPublished(String story) {
    return membersByStory.get(story).stream()
        .map(member -> member.member().publishedAt())
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  /** Average similarity between the members of two stories. */
  private double linkage(String story, String other) {
    double sum = 0;
    int counted = 0;
    for (Indexed member : membersByStory.get(story)) {
      double similarity =
          averageSimilarity(
              member.vector(), member.member().publishedAt(), membersByStory.get(other));
      if (similarity != Double.NEGATIVE_INFINITY) {
        sum += similarity;
        counted++;
      }
    }
    return counted == 0 ? Double.NEGATIVE_INFINITY : sum / counted;
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
