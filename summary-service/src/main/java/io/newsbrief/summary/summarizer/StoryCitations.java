package io.newsbrief.summary.summarizer;

import io.newsbrief.summary.summarizer.LlmSummarizer.LlmSentence;
import io.newsbrief.summary.summarizer.LlmSummarizer.LlmStoryBrief;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an LLM's story brief before it is used: the shape, that every sentence cites at least one
 * of the numbered sources and only those, and that whatever it quotes (three words or more between
 * quotation marks) is in a source it cites. Anything else is a {@link SummarizerException}, so the
 * caller falls back to the built-in method.
 */
final class StoryCitations {

  private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"“”]+)[\"”]");
  private static final int QUOTED_WORDS = 3;

  private StoryCitations() {}

  static StorySummary validated(LlmStoryBrief brief, List<ArticleContent> sources, String method) {
    if (brief.lead() == null || brief.lead().isEmpty()) {
      throw new SummarizerException("invalid brief: no lead");
    }
    List<String> texts =
        sources.stream().map(s -> normalized(s.title() + "\n" + s.text())).toList();
    List<CitedSentence> lead = sentences(brief.lead(), texts);
    List<StorySection> sections = new ArrayList<>();
    List<LlmSummarizer.LlmSection> given = brief.sections() == null ? List.of() : brief.sections();
    if (given.size() > LlmSummarizer.MAX_SECTIONS) {
      throw new SummarizerException("invalid brief: too many sections");
    }
    for (LlmSummarizer.LlmSection section : given) {
      if (section == null
          || section.heading() == null
          || section.heading().isBlank()
          || section.heading().length() > LlmSummarizer.MAX_HEADING_LENGTH
          || section.sentences() == null
          || section.sentences().isEmpty()) {
        throw new SummarizerException("invalid brief: bad section");
      }
      sections.add(
          new StorySection(section.heading().strip(), sentences(section.sentences(), texts)));
    }
    if (sections.stream().map(StorySection::heading).distinct().count() < sections.size()) {
      throw new SummarizerException("invalid brief: duplicate headings");
    }
    return new StorySummary(lead, sections, method);
  }

  private static List<CitedSentence> sentences(List<LlmSentence> given, List<String> sources) {
    List<CitedSentence> sentences = new ArrayList<>();
    for (LlmSentence sentence : given) {
      if (sentence == null || sentence.text() == null || sentence.text().isBlank()) {
        throw new SummarizerException("invalid brief: empty sentence");
      }
      if (sentence.sources() == null || sentence.sources().isEmpty()) {
        throw new SummarizerException("invalid citations: a sentence cites no source");
      }
      TreeSet<Integer> cited = new TreeSet<>();
      for (Integer number : sentence.sources()) {
        if (number == null || number < 1 || number > sources.size()) {
          throw new SummarizerException("invalid citations: no source [" + number + "]");
        }
        cited.add(number - 1);
      }
      Matcher quote = QUOTE.matcher(sentence.text());
      while (quote.find()) {
        String quoted = normalized(quote.group(1));
        if (quoted.split(" ").length >= QUOTED_WORDS
            && cited.stream().noneMatch(i -> sources.get(i).contains(quoted))) {
          throw new SummarizerException("invalid citations: a quote is in no source it cites");
        }
      }
      sentences.add(new CitedSentence(sentence.text().strip(), List.copyOf(cited)));
    }
    return sentences;
  }

  /** Lower case, one kind of quotation mark and apostrophe, single spaces, no edge punctuation. */
  private static String normalized(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[“”„]", "\"")
        .replaceAll("[‘’]", "'")
        .replaceAll("\\s+", " ")
        .replaceAll("^[\\p{Punct} ]+|[\\p{Punct} ]+$", "");
  }
}
