package io.newsbrief.summary.summarizer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The built-in, offline method ({@value #METHOD}): the lead is the article's opening sentences
 * (news is written lead first); the rest is cut, at paragraph boundaries, into up to three sections
 * in article order, each headed by the words that set it apart from the others.
 */
@ApplicationScoped
public class ExtractiveSummarizer implements Summarizer {

  public static final String METHOD = "extractive-v1";
  static final int LEAD_SENTENCES = 3;
  static final int MIN_SENTENCES_FOR_SECTIONS = 8;
  static final int MAX_SECTIONS = 3;
  static final int MAX_PARAGRAPHS_PER_SECTION = 3;
  static final int MAX_SENTENCES_PER_PARAGRAPH = 3;
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*\\p{L}");

  @Override
  public Summary summarize(ArticleContent article) {
    List<List<String>> paragraphs = new ArrayList<>();
    for (String paragraph : article.text().split("\\n\\s*\\n")) {
      List<String> sentences = SentenceSplitter.split(paragraph.replace('\n', ' '));
      if (!sentences.isEmpty()) {
        paragraphs.add(sentences);
      }
    }
    List<String> all = paragraphs.stream().flatMap(List::stream).toList();
    if (all.isEmpty()) {
      throw new SummarizerException("the article has no sentences");
    }
    String lead = String.join(" ", all.subList(0, Math.min(LEAD_SENTENCES, all.size())));
    if (all.size() < MIN_SENTENCES_FOR_SECTIONS) {
      return new Summary(lead, List.of(), METHOD, null);
    }
    return new Summary(lead, sections(afterLead(paragraphs), article.title()), METHOD, null);
  }

  /** The paragraphs with the lead's sentences taken out. */
  private static List<List<String>> afterLead(List<List<String>> paragraphs) {
    List<List<String>> rest = new ArrayList<>();
    int toSkip = LEAD_SENTENCES;
    for (List<String> paragraph : paragraphs) {
      int skipped = Math.min(toSkip, paragraph.size());
      toSkip -= skipped;
      if (skipped < paragraph.size()) {
        rest.add(paragraph.subList(skipped, paragraph.size()));
      }
    }
    return rest;
  }

  private static List<Section> sections(List<List<String>> paragraphs, String title) {
    int sectionCount = Math.min(MAX_SECTIONS, Math.max(1, paragraphs.size()));
    List<List<List<String>>> groups = new ArrayList<>();
    for (int i = 0; i < sectionCount; i++) {
      int from = i * paragraphs.size() / sectionCount;
      int to = (i + 1) * paragraphs.size() / sectionCount;
      if (from < to) {
        groups.add(paragraphs.subList(from, to));
      }
    }
    List<Map<String, Integer>> termCounts =
        groups.stream().map(ExtractiveSummarizer::termCounts).toList();
    Set<String> usedHeadings = new HashSet<>();
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      String heading = heading(termCounts, i, usedHeadings);
      List<String> shown =
          groups.get(i).stream()
              .limit(MAX_PARAGRAPHS_PER_SECTION)
              .map(
                  p ->
                      String.join(
                          " ", p.subList(0, Math.min(MAX_SENTENCES_PER_PARAGRAPH, p.size()))))
              .toList();
      sections.add(new Section(heading, shown));
    }
    return sections;
  }

  /** Counts of content words (no stop words), keyed by lower case, keeping a display form. */
  private static Map<String, Integer> termCounts(List<List<String>> group) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (List<String> paragraph : group) {
      for (String sentence : paragraph) {
        Matcher words = WORD.matcher(sentence);
        while (words.find()) {
          String word = words.group().toLowerCase(Locale.ROOT);
          if (word.length() > 2 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
            counts.merge(word, 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  /**
   * Two words frequent in this section and rare in the others, in Title Case; never one already
   * used.
   */
  private static String heading(
      List<Map<String, Integer>> termCounts, int index, Set<String> used) {
    Map<String, Integer> own = termCounts.get(index);
    Map<String, Integer> elsewhere = new HashMap<>();
    for (int j = 0; j < termCounts.size(); j++) {
      if (j != index) {
        termCounts.get(j).forEach((term, count) -> elsewhere.merge(term, count, Integer::sum));
      }
    }
    List<String> ranked =
        own.entrySet().stream()
            .sorted(
                Comparator.comparingDouble(
                        (Map.Entry<String, Integer> e) ->
                            -e.getValue() / (1.0 + elsewhere.getOrDefault(e.getKey(), 0)))
                    .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .collect(Collectors.toList());
    for (int size = 2; size >= 1; size--) {
      for (int start = 0; start + size <= ranked.size(); start++) {
        String heading =
            ranked.subList(start, start + size).stream()
                .map(ExtractiveSummarizer::titleCase)
                .collect(Collectors.joining(" "));
        if (used.add(heading)) {
          return heading;
        }
      }
    }
    String fallback = "Part " + (index + 1);
    used.add(fallback);
    return fallback;
  }

  private static String titleCase(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
