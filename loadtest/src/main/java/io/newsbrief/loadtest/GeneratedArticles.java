package io.newsbrief.loadtest;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The one generator of synthetic articles for load, benchmark and fault runs (the benchmark's
 * database fill, {@link SyntheticRows}, writes rows, not articles): distinct, plausible articles
 * that group into stories as real news does. Article {@code n} of a run is outlet {@code n % 4}'s
 * report of event {@code n / 4}: the four reports share the event's people, place and figures but
 * are worded apart; events draw their names from a large made-up vocabulary, so unrelated events
 * share little more than the template's common words. Each article has its own URL and text
 * (content deduplication would otherwise merge them), in news prose the built-in summarizer can
 * brief.
 */
final class GeneratedArticles {

  static final int OUTLETS = 4;

  private static final String[] OUTLET_NAMES = {
    "Generated Wire", "Daily Ledger", "Evening Post", "Metro Times"
  };
  private static final String[] SYLLABLES = {
    "ar", "bel", "cor", "dun", "el", "fen", "gar", "hol", "is", "jor", "kel", "lan", "mor", "nes",
    "or", "pel", "quin", "ros", "sal", "tor", "ul", "ven", "wil", "yar", "zan", "bri", "cas", "dor",
    "fal", "gil", "hen", "ket"
  };
  private static final String[] TOPICS = {
    "tram line", "harbour wall", "school roof", "river bridge", "night bus route", "flood barrier",
    "library", "water main", "cycle lane", "market hall", "sports ground", "clinic"
  };
  private static final String[] BODIES = {
    "council", "transport authority", "port company", "regional government", "water board"
  };

  private GeneratedArticles() {}

  /** What the URL of every article of run {@code run} starts with. */
  static String urlPrefix(String run) {
    return "https://wire.example.org/" + run + "/";
  }

  /** The URL of article {@code n} of run {@code run}. */
  static String url(String run, int n) {
    return urlPrefix(run) + n;
  }

  /** The gateway's JSON body for article {@code n} of run {@code run}. */
  static String json(String run, int n) {
    return article(run, n).toString();
  }

  /** What the reports of one event share. */
  private record Event(
      String town,
      String topic,
      String body,
      String chair,
      String critic,
      String street,
      String corner,
      String project,
      int cost,
      int weeks) {

    static Event of(String run, int event) {
      Random draw = new Random(Objects.hash(run, event));
      return new Event(
          made(draw, 3),
          pick(draw, TOPICS),
          made(draw, 2) + " " + pick(draw, BODIES),
          made(draw, 2) + " " + made(draw, 3),
          made(draw, 2) + " " + made(draw, 3),
          made(draw, 2) + " Street",
          made(draw, 2) + " Lane",
          made(draw, 3),
          3 + draw.nextInt(997),
          2 + draw.nextInt(60));
    }
  }

  /**
   * Article {@code n} of run {@code run} with the fields the gateway's JSON and article-service's
   * proto share: url, title, sourceName (source_name in proto JSON too) and text.
   */
  static JsonObject article(String run, int n) {
    Event e = Event.of(run, n / OUTLETS);
    int outlet = n % OUTLETS;
    String decision =
        e.chair()
            + " of the "
            + e.town()
            + " "
            + e.body()
            + " carried the "
            + e.project()
            + " plan for the "
            + e.topic()
            + " between "
            + e.street()
            + " and "
            + e.corner()
            + " on Monday.";
    String cost =
        "Officials said the work would cost about "
            + e.cost()
            + " million euros. Residents had waited "
            + e.weeks()
            + " weeks for a decision.";
    String criticism =
        e.critic()
            + " questioned the timetable. Opposition members said the "
            + e.topic()
            + " in "
            + e.town()
            + " had been promised twice before. The "
            + e.body()
            + " replied that funding was now secured.";
    String works =
        "Construction is due to begin within "
            + e.weeks()
            + " weeks. Traders near "
            + e.street()
            + " fear months of disruption. The "
            + e.body()
            + " promised compensation for lost business in "
            + e.town()
            + ".";
    String meeting =
        "A public meeting on the "
            + e.project()
            + " plan will be held next month. Engineers will present the final design there.";
    String reference = "Reference " + n + ".";
    String title;
    List<String> paragraphs;
    switch (outlet) {
      case 0 -> {
        title = e.chair() + " wins " + e.town() + " vote on " + e.topic();
        paragraphs = List.of(decision + " " + cost, criticism, works, meeting + " " + reference);
      }
      case 1 -> {
        title = e.project() + " plan for " + e.town() + " approved after " + e.weeks() + " weeks";
        paragraphs = List.of(cost + " " + decision, works, criticism + " " + reference);
      }
      case 2 -> {
        title = e.critic() + " questions " + e.town() + " " + e.project() + " timetable";
        paragraphs = List.of(criticism, decision, cost + " " + meeting + " " + reference);
      }
      default -> {
        title = e.body() + " backs " + e.project() + " " + e.topic() + " in " + e.town();
        paragraphs = List.of(decision, works + " " + cost, reference);
      }
    }
    JsonObject article = new JsonObject();
    article.addProperty("url", url(run, n));
    article.addProperty("title", Character.toUpperCase(title.charAt(0)) + title.substring(1));
    article.addProperty("sourceName", OUTLET_NAMES[outlet]);
    article.addProperty("text", String.join("\n\n", paragraphs));
    return article;
  }

  /** A made-up capitalised name of {@code syllables} syllables. */
  private static String made(Random draw, int syllables) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      name.append(pick(draw, SYLLABLES));
    }
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String pick(Random draw, String[] words) {
    return words[draw.nextInt(words.length)];
  }
}
