package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.chunker.ChunkerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * How many of the built-in briefs' headings are noun phrases where they stand: for each heading,
 * the article sentence it was taken from is tagged and chunked by OpenNLP's English models
 * (opennlp-postag-models and opennlp-chunk-models 1.5), and the heading counts when its words lie
 * in one noun-phrase chunk and end it (the head noun). Headings joined from two words ("Sides and
 * Round") are not in the text as a phrase and count as not. Prints the share per file and the first
 * headings. Run from summary-service:
 *
 * <pre>
 * ../mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.newsbrief.summary.summarizer.HeadingEvaluation \
 *   -Dexec.args="../../shared/eval/cnndm-cased-dev.jsonl ../../shared/eval/bbc-dev.jsonl"
 * </pre>
 */
public final class HeadingEvaluation {

  static final int ARTICLES_PER_FILE = 300;
  static final int SHOWN = 20;

  private HeadingEvaluation() {}

  public static void main(String[] args) throws IOException {
    POSTaggerME tagger;
    ChunkerME chunker;
    try (InputStream pos = HeadingEvaluation.class.getResourceAsStream("/en-pos-maxent.bin");
        InputStream chunks = HeadingEvaluation.class.getResourceAsStream("/en-chunker.bin")) {
      tagger = new POSTaggerME(new POSModel(pos), POSTagFormat.PENN);
      chunker = new ChunkerME(new ChunkerModel(chunks));
    }
    ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    List<String> shown = new ArrayList<>();
    for (String name : args) {
      Path file = Path.of(name);
      if (!Files.isReadable(file)) {
        System.out.println("skipped: " + file + " is not there");
        continue;
      }
      int headings = 0;
      int nounPhrases = 0;
      int singleWords = 0;
      for (EvaluationData article :
          EvaluationData.read(file).stream().limit(ARTICLES_PER_FILE).toList()) {
        Summary brief =
            summarizer.summarize(new ArticleContent(article.title(), article.text(), "en"));
        List<String> sentences =
            Sentence.ofArticle(article.text()).stream().map(Sentence::text).toList();
        for (Section section : brief.sections()) {
          headings++;
          singleWords += section.heading().contains(" ") ? 0 : 1;
          boolean accepted = isNounPhraseInText(section.heading(), sentences, tagger, chunker);
          nounPhrases += accepted ? 1 : 0;
          if (shown.size() < SHOWN
                  && shown.stream().noneMatch(s -> s.startsWith(file.getFileName().toString()))
              || shown.size() < SHOWN && headings % 7 == 0) {
            shown.add(
                file.getFileName() + ": " + section.heading() + (accepted ? "" : "   (not an NP)"));
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %d headings, %.1f %% noun phrases where they stand, %.1f %% single words%n",
          file.getFileName(),
          headings,
          100.0 * nounPhrases / Math.max(1, headings),
          100.0 * singleWords / Math.max(1, headings));
    }
    shown.forEach(System.out::println);
  }

  static boolean isNounPhraseInText(
      String heading, List<String> sentences, POSTaggerME tagger, ChunkerME chunker) {
    String[] words = heading.toLowerCase(Locale.ROOT).split(" ");
    for (String sentence : sentences) {
      String[] tokens =
          TOKEN.matcher(sentence).results().map(m -> m.group()).toArray(String[]::new);
      int at = find(tokens, words);
      if (at < 0) {
        continue;
      }
      String[] tags = tagger.tag(tokens);
      String[] chunks = chunker.chunk(tokens, tags);
      int end = at + words.length - 1;
      boolean inOneNp = chunks[at].endsWith("-NP");
      for (int i = at + 1; i <= end; i++) {
        inOneNp &= chunks[i].equals("I-NP");
      }
      return inOneNp && tags[end].startsWith("NN");
    }
    return false;
  }

  /** Words (hyphens and apostrophes inside them kept) and punctuation marks. */
  private static final java.util.regex.Pattern TOKEN =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*|\\S");

  private static int find(String[] tokens, String[] words) {
    for (int i = 0; i + words.length <= tokens.length; i++) {
      boolean match = true;
      for (int j = 0; j < words.length && match; j++) {
        match = tokens[i + j].toLowerCase(Locale.ROOT).equals(words[j]);
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }
}
