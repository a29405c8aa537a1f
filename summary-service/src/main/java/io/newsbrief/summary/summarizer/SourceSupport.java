package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How well source texts support what a summary says: the faithfulness score, offline and CPU-only.
 *
 * <p>A summary sentence's support is a weighted mean of three stemmed precisions against the
 * sources: the shares of its content words (counted twice), word pairs and word triples found there
 * (pairs and triples catch a changed actor, object or order that single words miss). A summary's
 * score is the mean support of its sentences, in [0, 1], higher = better supported. Two checks say
 * what overlap cannot: a name (a capitalised word past the sentence's first) or number that no
 * source contains, and a word that the sentence negates and the source sentence it matches best
 * states plainly, or the reverse ("did not approve" against "approved"). What each signal adds on
 * human-labelled pairs is in docs/summary-service.md. Made once per set of sources, indexed when
 * first needed; thread-safe.
 */
public final class SourceSupport {

  /**
   * What the sources make of one summary sentence.
   *
   * @param support share of its content words (weighing double), pairs and triples found in the
   *     sources
   * @param unsupportedFacts its names and numbers that no source contains
   * @param negationFlip it negates a word that the source sentence it matches best states plainly,
   *     or the reverse
   */
  public record SentenceCheck(double support, List<String> unsupportedFacts, boolean negationFlip) {

    /** Nothing it states is contradicted or missing from the sources as far as the checks see. */
    public boolean statesOnlySupportedFacts() {
      return unsupportedFacts.isEmpty() && !negationFlip;
    }
  }

  private static final Pattern LINE_BREAKS = Pattern.compile("\\n+");

  /** Stems with stop words kept: pairs and triples need the small words between. */
  private static final Analyzer STEMS = new EnglishAnalyzer(CharArraySet.EMPTY_SET);

  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final Set<String> NEGATIONS =
      Set.of("not", "no", "never", "nobody", "nothing", "none", "neither", "nor");

  private record Token(String stem, String surface) {}

  /**
   * A sentence's content stems, and those of them that a negation governs: the first content word
   * within {@link #NEGATION_SCOPE} words after "not", "never", "didn't"...
   */
  private record Polarity(Set<String> content, Set<String> negated) {

    static Polarity of(List<Token> tokens) {
      Set<String> content = SourceSupport.content(tokens);
      Set<String> negated = new HashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        if (isNegation(tokens.get(i).stem())) {
          for (int j = i + 1; j < Math.min(tokens.size(), i + 1 + NEGATION_SCOPE); j++) {
            if (content.contains(tokens.get(j).stem())) {
              negated.add(tokens.get(j).stem());
              break;
            }
          }
        }
      }
      return new Polarity(content, negated);
    }

    /** Says of a word the opposite of {@code other}: negated here and plainly there, or back. */
    boolean contradicts(Polarity other) {
      return opposite(this, other) || opposite(other, this);
    }

    private static boolean opposite(Polarity negating, Polarity plain) {
      for (String stem : negating.negated()) {
        if (plain.content().contains(stem) && !plain.negated().contains(stem)) {
          return true;
        }
      }
      return false;
    }
  }

  /** How many words after a negation it governs ("did not approve the new budget"). */
  private static final int NEGATION_SCOPE = 3;

  private final List<String> sources;
  private volatile boolean indexed;
  private final Set<String> unigrams = new HashSet<>();
  private final Set<String> bigrams = new HashSet<>();
  private final Set<String> trigrams = new HashSet<>();
  private final Set<String> words = new HashSet<>();
  private final Set<String> numbers = new HashSet<>();
  private final List<Polarity> sentences = new ArrayList<>();

  private SourceSupport(List<String> sources) {
    this.sources = List.copyOf(sources);
  }

  /** Indexes the sources on first need: a brief that only quotes them never needs it. */
  private void index() {
    if (indexed) {
      return;
    }
    synchronized (this) {
      if (indexed) {
        return;
      }
      for (String source : sources) {
        for (String sentence : sentencesOf(source)) {
          List<Token> tokens = tokens(sentence);
          for (int i = 0; i < tokens.size(); i++) {
            unigrams.add(tokens.get(i).stem());
            words.add(word(tokens.get(i).surface()));
            String number = number(tokens.get(i).surface());
            if (!number.isEmpty()) {
              numbers.add(number);
            }
            if (i >= 1) {
              bigrams.add(gram(tokens, i - 1, 2));
            }
            if (i >= 2) {
              trigrams.add(gram(tokens, i - 2, 3));
            }
          }
          sentences.add(Polarity.of(tokens));
        }
      }
      indexed = true;
    }
  }

  public static SourceSupport of(List<String> sources) {
    return new SourceSupport(sources);
  }

  /** The sentences of a text, paragraph by paragraph, as the summarizers split them. */
  public static List<String> sentencesOf(String text) {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : LINE_BREAKS.split(text)) {
      sentences.addAll(SentenceSplitter.split(paragraph));
    }
    return sentences;
  }

  /** The mean support of a summary's sentences, in [0, 1]; 0 for none. */
  public double score(List<String> summarySentences) {
    return summarySentences.stream().mapToDouble(this::support).average().orElse(0);
  }

  /**
   * A sentence's support: 1 when it stands whole, word for word, in a source (every word, pair and
   * triple of it is found there; the built-in summarizers' sentences do), else as {@link #check}
   * measures it.
   */
  public double support(String sentence) {
    return sources.stream().anyMatch(source -> standsWholeIn(sentence, source))
        ? 1
        : check(sentence).support();
  }

  /** {@code sentence} occurs in {@code source} with no letter or digit glued to either end. */
  private static boolean standsWholeIn(String sentence, String source) {
    if (sentence.isBlank()) {
      return false;
    }
    for (int at = source.indexOf(sentence); at >= 0; at = source.indexOf(sentence, at + 1)) {
      int end = at + sentence.length();
      if ((at == 0 || !Character.isLetterOrDigit(source.charAt(at - 1)))
          && (end == source.length() || !Character.isLetterOrDigit(source.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /** What the sources make of one sentence. */
  public SentenceCheck check(String sentence) {
    index();
    List<Token> tokens = tokens(sentence);
    Set<String> content = content(tokens);
    double support =
        (2 * share(content, unigrams)
                + share(grams(tokens, 2), bigrams)
                + share(grams(tokens, 3), trigrams))
            / 4;
    List<String> unsupported = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String surface = tokens.get(i).surface();
      String number = number(surface);
      boolean missingNumber = !number.isEmpty() && !numbers.contains(number);
      boolean missingName =
          number.isEmpty()
              && i > 0
              && Character.isUpperCase(surface.codePointAt(0))
              && !words.contains(word(surface));
      if (missingNumber || missingName) {
        unsupported.add(surface);
      }
    }
    boolean flip = Polarity.of(tokens).contradicts(bestMatch(content));
    return new SentenceCheck(support, List.copyOf(unsupported), flip);
  }

  private Polarity bestMatch(Set<String> content) {
    Polarity best = new Polarity(Set.of(), Set.of());
    int bestShared = -1;
    for (Polarity candidate : sentences) {
      int shared = 0;
      for (String stem : content) {
        if (candidate.content().contains(stem)) {
          shared++;
        }
      }
      if (shared > bestShared) {
        bestShared = shared;
        best = candidate;
      }
    }
    return best;
  }

  private static double share(Set<String> grams, Set<String> in) {
    if (grams.isEmpty()) {
      return 1;
    }
    int found = 0;
    for (String gram : grams) {
      if (in.contains(gram)) {
        found++;
      }
    }
    return (double) found / grams.size();
  }

  private static Set<String> content(List<Token> tokens) {
    Set<String> content = new HashSet<>();
    for (Token token : tokens) {
      if (!STOP_WORDS.contains(token.stem()) && !isNegation(token.stem())) {
        content.add(token.stem());
      }
    }
    return content;
  }

  private static boolean isNegation(String stem) {
    return NEGATIONS.contains(stem) || stem.endsWith("n't");
  }

  private static Set<String> grams(List<Token> tokens, int n) {
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      grams.add(gram(tokens, i, n));
    }
    return grams;
  }

  private static String gram(List<Token> tokens, int from, int n) {
    StringBuilder gram = new StringBuilder(tokens.get(from).stem());
    for (int i = from + 1; i < from + n; i++) {
      gram.append(' ').append(tokens.get(i).stem());
    }
    return gram.toString();
  }

  /** A token as a name is looked up: lower case, without a possessive "'s". */
  private static String word(String surface) {
    String word = surface.toLowerCase(Locale.ROOT);
    return word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
  }

  /** The digits of a token that holds any ("1,200" and "1200" are one number), else empty. */
  private static String number(String surface) {
    StringBuilder digits = null;
    for (int i = 0; i < surface.length(); i++) {
      char c = surface.charAt(i);
      if (Character.isDigit(c)) {
        if (digits == null) {
          digits = new StringBuilder();
        }
        digits.append(c);
      }
    }
    return digits == null ? "" : digits.toString();
  }

  private static List<Token> tokens(String text) {
    String normalized = text.replace('’', '\'');
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = STEMS.tokenStream("text", normalized)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(
            new Token(
                term.toString(), normalized.substring(offset.startOffset(), offset.endOffset())));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return tokens;
  }
}
