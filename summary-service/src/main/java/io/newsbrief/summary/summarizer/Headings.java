package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * Section headings from each topic's key phrases: runs of up to three content words (no stop words,
 * no numbers) found in the topic that can be a noun phrase ({@link PartsOfSpeech}: a noun last,
 * nouns, adjectives or gerunds before it), scored by how much their terms belong to this topic
 * rather than the others (TF-IDF across topics), longer phrases preferred; shown in Title Case. A
 * heading is never a copied sentence (at most three words) and never repeats or overlaps an earlier
 * heading's terms.
 */
final class Headings {

  private static final CharArraySet STOP_WORDS = stopWords();
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’.-]*[\\p{L}]");
  private static final Pattern PHRASE_BREAK = Pattern.compile("[,;:.!?()\"“”—–]|``|''|--");
  private static final int MAX_PHRASE_WORDS = 3;

  /** A key phrase of several words wins over a single word unless that scores 2.5 times higher. */
  private static final double MULTI_WORD_PREFERENCE = 0.4;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final List<List<Sentence>> topics;
  private final List<Map<String, Double>> termWeights = new ArrayList<>();
  private final Set<String> usedTerms = new HashSet<>();
  private final Set<String> usedHeadings = new HashSet<>();

  Headings(List<List<Sentence>> topics) {
    this.topics = topics;
    Map<String, Integer> topicFrequency = new HashMap<>();
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (List<Sentence> topic : topics) {
      Map<String, Integer> terms = new HashMap<>();
      topic.forEach(s -> s.terms().forEach((t, c) -> terms.merge(t, c, Integer::sum)));
      terms.keySet().forEach(t -> topicFrequency.merge(t, 1, Integer::sum));
      counts.add(terms);
    }
    for (Map<String, Integer> terms : counts) {
      Map<String, Double> weights = new HashMap<>();
      terms.forEach(
          (term, count) ->
              weights.put(
                  term,
                  (1 + Math.log(count))
                      * Math.log(1 + (double) topics.size() / topicFrequency.get(term))));
      termWeights.add(weights);
    }
  }

  /** The heading of topic {@code index}; call in topic order. */
  String heading(int index) {
    List<Phrase> ranked = phrases(index);
    List<Phrase> multiWord = ranked.stream().filter(p -> p.words().size() > 1).toList();
    List<Phrase> singles = ranked.stream().filter(p -> p.words().size() == 1).toList();
    double bestSingle =
        singles.stream()
            .filter(p -> PartsOfSpeech.isNounPhrase(p.words()))
            .findFirst()
            .map(Phrase::score)
            .orElse(0.0);
    for (Phrase phrase : multiWord) {
      if (phrase.score() < MULTI_WORD_PREFERENCE * bestSingle) {
        break;
      }
      if (use(phrase)) {
        return phrase.text();
      }
    }
    for (Phrase phrase : singles) {
      if (use(phrase)) {
        return phrase.text();
      }
    }
    for (Phrase phrase : multiWord) {
      if (use(phrase)) {
        return phrase.text();
      }
    }
    String fallback = "Further Details " + (index + 1);
    usedHeadings.add(fallback);
    return fallback;
  }

  private boolean use(Phrase phrase) {
    return PartsOfSpeech.isNounPhrase(phrase.words()) && use(phrase.key(), phrase.terms());
  }

  private boolean use(String heading, Set<String> terms) {
    if (terms.isEmpty()
        || terms.stream().anyMatch(usedTerms::contains)
        || !usedHeadings.add(heading.toLowerCase(Locale.ROOT))) {
      return false;
    }
    usedTerms.addAll(terms);
    return true;
  }

  /** A candidate; its Title Case text is made only for the few phrases tried. */
  private record Phrase(String key, List<String> words, Set<String> terms, double score) {
    String text() {
      return titleCase(words);
    }
  }

  private List<Phrase> phrases(int index) {
    Map<String, Integer> occurrences = new LinkedHashMap<>();
    Map<String, List<String>> wordsOf = new HashMap<>();
    for (Sentence sentence : topics.get(index)) {
      for (String chunk : PHRASE_BREAK.split(sentence.text())) {
        List<String> run = new ArrayList<>();
        for (String token : WHITESPACE.split(chunk.strip())) {
          token = withoutPossessive(token);
          if (isContentWord(token)) {
            run.add(token);
            for (int size = 1; size <= Math.min(MAX_PHRASE_WORDS, run.size()); size++) {
              List<String> words = List.copyOf(run.subList(run.size() - size, run.size()));
              String key = String.join(" ", words).toLowerCase(Locale.ROOT);
              occurrences.merge(key, 1, Integer::sum);
              wordsOf.putIfAbsent(key, words);
            }
          } else {
            run.clear();
          }
        }
      }
    }
    Map<String, Double> weights = termWeights.get(index);
    List<Phrase> phrases = new ArrayList<>();
    occurrences.forEach(
        (key, count) -> {
          List<String> words = wordsOf.get(key);
          Set<String> terms = new HashSet<>();
          for (String word : words) {
            Set<String> stems = stemsOf(word);
            if (stems.size() != 1) {
              return; // a word the analyzer drops or splits: not a clean phrase
            }
            terms.addAll(stems);
          }
          if (terms.size() != words.size()) {
            return; // the same term twice
          }
          double weight =
              terms.stream().mapToDouble(t -> weights.getOrDefault(t, 0.0)).average().orElse(0);
          double score = weight * (1 + 0.5 * Math.log(count));
          for (String word : words) {
            if (word.endsWith("ly") || word.endsWith("ed")) {
              score *= 0.5; // adverbs and past participles make poor heading words
            } else if (Character.isUpperCase(word.charAt(0))) {
              score *= 1.2; // often a name, in cased text
            }
          }
          phrases.add(new Phrase(key, words, terms, score));
        });
    phrases.sort(Comparator.comparingDouble((Phrase p) -> -p.score()).thenComparing(Phrase::key));
    return phrases;
  }

  /**
   * A word's stems, kept across briefs: the analyzer is the costliest part of a heading, and news
   * repeats its words. Emptied when it grows past {@value #MAX_CACHED_WORDS} words.
   */
  private static final Map<String, Set<String>> STEMS = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_WORDS = 100_000;

  private static Set<String> stemsOf(String word) {
    if (STEMS.size() > MAX_CACHED_WORDS) {
      STEMS.clear();
    }
    return STEMS.computeIfAbsent(
        word.toLowerCase(Locale.ROOT), w -> Set.copyOf(TextAnalysis.terms(w).keySet()));
  }

  private static String withoutPossessive(String token) {
    return token.endsWith("'s") || token.endsWith("’s")
        ? token.substring(0, token.length() - 2)
        : token;
  }

  private static boolean isContentWord(String token) {
    if (token.length() < 3 || !WORD.matcher(token).matches()) {
      return false;
    }
    return !STOP_WORDS.contains(token.toLowerCase(Locale.ROOT).replace('’', '\''));
  }

  static String titleCase(List<String> words) {
    List<String> cased = new ArrayList<>();
    for (String word : words) {
      if (word.indexOf('.') >= 0) {
        cased.add(word.toUpperCase(Locale.ROOT)); // u.s. → U.S.
      } else if (word.chars().skip(1).anyMatch(Character::isUpperCase)) {
        cased.add(word); // McDonald, iPhone, NATO: as written
      } else {
        cased.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
      }
    }
    return String.join(" ", cased);
  }

  /** Snowball's English stop words, plus words news uses everywhere that name no topic. */
  private static CharArraySet stopWords() {
    try (Reader snowball =
        IOUtils.getDecodingReader(
            SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
      CharArraySet words = new CharArraySet(WordlistLoader.getSnowballWordSet(snowball), false);
      words.addAll(
          List.of(
              "said",
              "says",
              "say",
              "told",
              "tell",
              "would",
              "could",
              "also",
              "year",
              "years",
              "last",
              "first",
              "one",
              "two",
              "three",
              "new",
              "just",
              "like",
              "many",
              "much",
              "even",
              "still",
              "back",
              "including",
              "according",
              "week",
              "weeks",
              "day",
              "days",
              "time",
              "times",
              "people",
              "get",
              "got",
              "make",
              "made",
              "going",
              "want",
              "think",
              "per",
              "cent",
              "percent",
              "cnn",
              "may",
              "might",
              "will",
              "shall",
              "must",
              "us",
              "mr",
              "mrs",
              "ms",
              "well",
              "yet",
              "however",
              "since",
              "around",
              "another",
              "there's",
              "it's",
              "that's",
              "don't",
              "didn't",
              "can't",
              "won't"));
      return CharArraySet.unmodifiableSet(words);
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene ships english_stop.txt", e);
    }
  }
}
