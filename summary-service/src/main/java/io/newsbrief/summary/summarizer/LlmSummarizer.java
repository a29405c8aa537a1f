package io.newsbrief.summary.summarizer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbrief.summary.client.ChatCompletionsApi;
import io.newsbrief.summary.config.SummaryConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Briefs from an LLM behind an OpenAI-compatible API, asked for strict JSON that is validated
 * before use. Every failure (timeout, HTTP error, invalid output) is a {@link SummarizerException}
 * so the caller can fall back.
 */
@ApplicationScoped
public class LlmSummarizer implements Summarizer {

  static final int MAX_SECTIONS = 6;
  static final int MAX_HEADING_LENGTH = 80;
  static final int MAX_TEXT_CHARS = 24_000;
  private static final String INSTRUCTIONS =
      """
      You write news briefs for a mobile app. Answer with one JSON object and nothing else:
      {"title": string, "lead": string, "sections": [{"heading": string, "paragraphs": [string]}]}
      The lead is one paragraph of 2 to 4 sentences with the most important facts.
      Then 2 to 4 sections in the article's order, each with a short Title Case heading (2 to 6
      words) and 1 to 3 paragraphs. Use only facts from the article. Write in the article's language.
      """;

  private static final String STORY_INSTRUCTIONS =
      """
      You write one news brief from several outlets' reports of the same event, numbered [1], [2]...
      Answer with one JSON object and nothing else:
      {"title": string,
       "lead": [{"text": string, "sources": [number]}],
       "sections": [{"heading": string, "sentences": [{"text": string, "sources": [number]}]}]}
      The lead is 2 to 4 sentences with the facts the reports agree on. Then 1 to 4 sections by
      sub-topic, each with a short Title Case heading (2 to 6 words). Every sentence lists the
      numbers of all the reports that state it; tell a fact once. Use only facts from the reports;
      quote only words that appear in a report you cite. Write in the reports' language.
      """;

  private final SummaryConfig.Llm config;
  private final ObjectMapper json;
  private final Optional<ChatCompletionsApi> api;

  LlmSummarizer(SummaryConfig config, ObjectMapper json) {
    this.config = config.llm();
    this.json = json;
    this.api =
        this.config
            .baseUrl()
            .map(
                baseUrl ->
                    QuarkusRestClientBuilder.newBuilder()
                        .baseUri(baseUrl)
                        .connectTimeout(
                            Math.min(2_000, this.config.timeout().toMillis()),
                            TimeUnit.MILLISECONDS)
                        .readTimeout(this.config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                        .build(ChatCompletionsApi.class));
  }

  public boolean isConfigured() {
    return api.isPresent();
  }

  public String method() {
    return "llm:" + config.model();
  }

  @Override
  public Summary summarize(ArticleContent article) {
    String text =
        article.text().length() > MAX_TEXT_CHARS
            ? article.text().substring(0, MAX_TEXT_CHARS)
            : article.text();
    return validated(
        complete(
            INSTRUCTIONS,
            "Language: " + article.language() + "\nTitle: " + article.title() + "\n\n" + text));
  }

  /**
   * A story's brief from its numbered members: every sentence must cite at least one of them, and
   * what it quotes must be in a source it cites.
   *
   * @throws SummarizerException on any failure, the answer's citations included
   */
  public StorySummary summarizeStory(List<ArticleContent> sources) {
    int share = MAX_TEXT_CHARS / Math.max(1, sources.size());
    StringBuilder prompt = new StringBuilder("Language: " + sources.get(0).language() + "\n");
    for (int i = 0; i < sources.size(); i++) {
      String text = sources.get(i).text();
      prompt
          .append("\n[")
          .append(i + 1)
          .append("] ")
          .append(sources.get(i).title())
          .append("\n")
          .append(text.length() > share ? text.substring(0, share) : text)
          .append("\n");
    }
    return StoryCitations.validated(
        read(complete(STORY_INSTRUCTIONS, prompt.toString()), LlmStoryBrief.class),
        sources,
        method());
  }

  private String complete(String instructions, String user) {
    ChatCompletionsApi chat = api.orElseThrow(() -> new SummarizerException("not configured"));
    var request =
        new ChatCompletionsApi.Request(
            config.model(),
            List.of(
                new ChatCompletionsApi.Message("system", instructions),
                new ChatCompletionsApi.Message("user", user)),
            0.0,
            new ChatCompletionsApi.ResponseFormat("json_object"));
    ChatCompletionsApi.Response response;
    try {
      response = chat.create(config.apiKey().map(key -> "Bearer " + key).orElse(null), request);
    } catch (WebApplicationException e) {
      throw new SummarizerException("HTTP " + e.getResponse().getStatus());
    } catch (ProcessingException e) {
      throw new SummarizerException(isTimeout(e) ? "timed out" : "unreachable", e);
    }
    return content(response);
  }

  private <T> T read(String content, Class<T> type) {
    try {
      return json.readValue(content.strip(), type);
    } catch (JsonProcessingException e) {
      throw new SummarizerException("invalid JSON");
    }
  }

  private static String content(ChatCompletionsApi.Response response) {
    if (response == null
        || response.choices() == null
        || response.choices().isEmpty()
        || response.choices().get(0).message() == null
        || response.choices().get(0).message().content() == null) {
      throw new SummarizerException("empty answer");
    }
    return response.choices().get(0).message().content();
  }

  private Summary validated(String content) {
    LlmBrief brief = read(content, LlmBrief.class);
    if (brief.lead() == null || brief.lead().isBlank()) {
      throw new SummarizerException("invalid brief: no lead");
    }
    List<Section> sections = brief.sections() == null ? List.of() : brief.sections();
    if (sections.size() > MAX_SECTIONS) {
      throw new SummarizerException("invalid brief: too many sections");
    }
    for (Section section : sections) {
      if (section == null
          || section.heading() == null
          || section.heading().isBlank()
          || section.heading().length() > MAX_HEADING_LENGTH
          || section.paragraphs() == null
          || section.paragraphs().isEmpty()
          || section.paragraphs().stream().anyMatch(p -> p == null || p.isBlank())) {
        throw new SummarizerException("invalid brief: bad section");
      }
    }
    if (sections.stream().map(s -> s.heading().strip()).distinct().count() < sections.size()) {
      throw new SummarizerException("invalid brief: duplicate headings");
    }
    return new Summary(brief.lead().strip(), List.copyOf(sections), method());
  }

  private static boolean isTimeout(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String name = cause.getClass().getSimpleName();
      if (cause instanceof java.util.concurrent.TimeoutException || name.contains("Timeout")) {
        return true;
      }
    }
    return false;
  }

  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LlmBrief(String title, String lead, List<Section> sections) {}

  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LlmStoryBrief(String title, List<LlmSentence> lead, List<LlmSection> sections) {}

  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LlmSection(String heading, List<LlmSentence> sentences) {}

  /** A sentence as the model writes it: the sources it cites are numbered from 1. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LlmSentence(String text, List<Integer> sources) {}
}
