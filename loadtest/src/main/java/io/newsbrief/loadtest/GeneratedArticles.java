package io.newsbrief.loadtest;

import com.google.gson.JsonObject;
import java.util.Random;

/**
 * The one generator of synthetic articles for load, benchmark and fault runs (the benchmark's
 * database fill, {@link SyntheticRows}, writes rows, not articles): distinct, plausible articles:
 * article {@code n} of a run has its own URL and its own text (content deduplication would
 * otherwise merge them), in news prose the built-in summarizer can brief. Names and places are
 * drawn per article, so that title and lead differ in most word triples and unrelated articles do
 * not fall into one story.
 */
final class GeneratedArticles {

  private static final String[] TOWNS = {
    "Arlen", "Brisford", "Caldmoor", "Dunhaven", "Elmstead", "Fernway", "Glenrock", "Harrowgate"
  };
  private static final String[] TOPICS = {
    "tram line", "harbour wall", "school roof", "river bridge", "night bus route", "flood barrier"
  };
  private static final String[] BODIES = {
    "council", "transport authority", "port company", "regional government", "water board"
  };

  private static final String[] FIRST_NAMES = {
    "Ada", "Bram", "Cleo", "Dario", "Edith", "Fionn", "Greta", "Hamid", "Ines", "Jonas", "Kasia",
    "Lior", "Mirela", "Nils", "Oona", "Pavel", "Quinn", "Rosa", "Sven", "Talia"
  };
  private static final String[] SURNAMES = {
    "Abbott", "Baros", "Cheng", "Dufresne", "Eriksen", "Farouk", "Gallo", "Horvat", "Ibsen",
    "Jansen", "Kowal", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quiroga", "Rahman"
  };
  private static final String[] STREETS = {
    "Mill Lane", "Quay Street", "Orchard Row", "Castle Hill", "Station Road", "Tanner's Yard",
    "Market Square", "Ferry Walk", "Chapel Close", "Forge Street", "Abbey Gate", "Salt Lane"
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

  /**
   * Article {@code n} of run {@code run} with the fields the gateway's JSON and article-service's
   * proto share: url, title, sourceName (source_name in proto JSON too) and text.
   */
  static JsonObject article(String run, int n) {
    String town = TOWNS[n % TOWNS.length];
    String topic = TOPICS[(n / TOWNS.length) % TOPICS.length];
    String body = BODIES[n % BODIES.length];
    int cost = 3 + n % 97;
    int weeks = 2 + n % 11;
    Random draw = new Random(n);
    String chair = pick(draw, FIRST_NAMES) + " " + pick(draw, SURNAMES);
    String critic = pick(draw, FIRST_NAMES) + " " + pick(draw, SURNAMES);
    String street = pick(draw, STREETS);
    String corner = pick(draw, STREETS);
    JsonObject article = new JsonObject();
    article.addProperty("url", url(run, n));
    article.addProperty(
        "title", chair + " wins " + street + " vote on " + town + " " + topic + " (" + n + ")");
    article.addProperty("sourceName", "Generated Wire");
    article.addProperty(
        "text",
        String.join(
            "\n\n",
            chair
                + " of the "
                + town
                + " "
                + body
                + " carried plan "
                + n
                + " for the "
                + topic
                + " between "
                + street
                + " and "
                + corner
                + " on Monday. Officials said the work would cost about "
                + cost
                + " million euros. Residents had waited "
                + weeks
                + " weeks for a decision.",
            critic
                + " questioned the timetable for item "
                + n
                + ". Opposition members said the "
                + topic
                + " in "
                + town
                + " had been promised twice before. The "
                + body
                + " replied that funding was now secured.",
            "Construction is due to begin within "
                + weeks
                + " weeks. Traders near the "
                + topic
                + " fear months of disruption. The "
                + body
                + " promised compensation for lost business in "
                + town
                + ".",
            "A public meeting on plan "
                + n
                + " will be held next month. Engineers will present the final design there."
                + " The "
                + body
                + " said comments could also be sent by post."));
    return article;
  }

  private static String pick(Random draw, String[] words) {
    return words[draw.nextInt(words.length)];
  }
}
