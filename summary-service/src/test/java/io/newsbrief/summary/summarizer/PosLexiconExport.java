package io.newsbrief.summary.summarizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.TagDictionary;

/**
 * Writes the word-class lexicon {@link PartsOfSpeech} reads, from the tag dictionary of OpenNLP's
 * English POS model (opennlp-postag-models 1.5, Apache-2.0): one line per word, the word and the
 * classes its Penn tags allow ({@link PartsOfSpeech#classOf}). Run from summary-service:
 *
 * <pre>
 * ../mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.newsbrief.summary.summarizer.PosLexiconExport \
 *   -Dexec.args="src/main/resources/summarizer/pos-lexicon.tsv"
 * </pre>
 */
public final class PosLexiconExport {

  private PosLexiconExport() {}

  public static void main(String[] args) throws IOException {
    POSModel model;
    try (InputStream in = PosLexiconExport.class.getResourceAsStream("/en-pos-maxent.bin")) {
      model = new POSModel(in);
    }
    TagDictionary dictionary = model.getFactory().getTagDictionary();
    List<String> lines = new ArrayList<>();
    lines.add(
        "# Word classes (N noun, J adjective, G gerund, V verb, R adverb, O other) from the tag"
            + " dictionary of OpenNLP's en-pos-maxent.bin (opennlp-postag-models 1.5, Apache-2.0),"
            + " written by PosLexiconExport.");
    TreeSet<String> words = new TreeSet<>();
    iterable(dictionary).forEach(words::add);
    for (String word : words) {
      StringBuilder classes = new StringBuilder();
      for (String tag : dictionary.getTags(word)) {
        char wordClass = PartsOfSpeech.classOf(tag);
        if (classes.indexOf(String.valueOf(wordClass)) < 0) {
          classes.append(wordClass);
        }
      }
      lines.add(word + "\t" + classes);
    }
    Files.write(Path.of(args[0]), lines);
    System.out.println("wrote " + (lines.size() - 1) + " words to " + args[0]);
  }

  private static Iterable<String> iterable(TagDictionary dictionary) {
    if (dictionary instanceof Iterable<?> words) {
      List<String> all = new ArrayList<>();
      words.forEach(word -> all.add((String) word));
      return all;
    }
    throw new IllegalStateException("the model's tag dictionary cannot be listed");
  }
}
