package io.newsbrief.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clustering's promises on articles written for this test, after a day of other news. */
class StoryClusteringTest {

  private static final Instant DAY = Instant.parse("2026-05-12T08:00:00Z");

  private StoryClustering clustering;

  @BeforeEach
  void aDayOfOtherNews() {
    clustering = new StoryClustering(StoryClustering.DEFAULTS);
    String[][] background = {
      {"Storm floods coastal towns", "Heavy rain flooded homes in three coastal towns overnight."},
      {"Central bank holds rates", "The central bank kept its main interest rate unchanged."},
      {
        "Museum reopens after repairs",
        "The city museum reopened on Sunday after two years of work."
      },
      {"Striking nurses return to work", "Nurses ended a week-long strike after a pay deal."},
      {
        "Football club sacks manager", "The club dismissed its manager after five straight defeats."
      },
      {
        "Wildfire forces evacuations",
        "Firefighters battled a wildfire that forced hundreds to leave."
      },
      {"New rail line opens", "Passengers rode the new rail line for the first time on Monday."},
      {
        "Tech firm reports record profit",
        "The company reported record quarterly profit on Thursday."
      }
    };
    for (int i = 0; i < background.length; i++) {
      clustering.assign(
          "bg" + i, background[i][0], background[i][1], DAY.minus(1, ChronoUnit.DAYS));
    }
  }

  @Test
  void independentlyWrittenReportsOfOneEventJoin() {
    var first =
        clustering.assign(
            "npr",
            "Senate Approves Asian American Hate Crimes Bill In Rare Bipartisan Vote",
            "The Senate approved legislation on Thursday to help law enforcement respond to hate"
                + " crimes against Asian Americans, passing the bill 94-1 after two weeks of talks."
                + " Only Sen. Josh Hawley of Missouri voted no.",
            DAY);
    var second =
        clustering.assign(
            "fox",
            "Senate passes anti-Asian hate crime bill with only Hawley opposed",
            "Senators overwhelmingly passed a bill Thursday aimed at the rise in hate crimes"
                + " targeting Asian Americans during the pandemic. The 94-1 vote sends the measure to"
                + " the House; Hawley said it was too broad.",
            DAY.plus(3, ChronoUnit.HOURS));

    assertThat(first.started()).isTrue();
    assertThat(second.storyId()).isEqualTo("npr");
  }

  @Test
  void aReportFindsItsEventAmongMoreStoriesSharingItsWordsThanAreCompared() {
    // Stories of their own that each share one word with the event below: more of them than are
    // compared with an article. The event's own story shares the most words, so it is compared.
    for (int i = 0; i < StoryClustering.MAX_CANDIDATES + 8; i++) {
      var other =
          clustering.assign(
              "other" + i, madeUpWords(i, 0, 4), "The harbour " + madeUpWords(i, 4, 14), DAY);
      assertThat(other.started()).as("story %d of its own", i).isTrue();
    }
    var first =
        clustering.assign(
            "first",
            "Ferry collides with crane at Quellbridge harbour",
            "A ferry struck a loading crane at Quellbridge harbour, injuring four crew members and"
                + " closing the container terminal.",
            DAY.plus(1, ChronoUnit.HOURS));
    var second =
        clustering.assign(
            "second",
            "Quellbridge harbour crane struck by ferry, four crew hurt",
            "Four crew members were hurt when a ferry hit a loading crane in Quellbridge harbour;"
                + " the container terminal closed.",
            DAY.plus(2, ChronoUnit.HOURS));

    assertThat(first.started()).isTrue();
    assertThat(second.storyId()).isEqualTo("first");
  }

  /** Words of no language, different for every story: {@code to - from} of them. */
  private static String madeUpWords(int story, int from, int to) {
    StringBuilder words = new StringBuilder();
    for (int k = from; k < to; k++) {
      words
          .append(" zy")
          .append((char) ('a' + story % 26))
          .append((char) ('a' + story / 26))
          .append((char) ('a' + k));
    }
    return words.toString().strip();
  }

  @Test
  void differentEventsOnOneTopicAndDayStayApart() {
    var masks =
        clustering.assign(
            "cdc",
            "CDC says vaccinated people can go without masks outdoors",
            "Fully vaccinated Americans no longer need to wear masks outdoors except in big crowds,"
                + " the Centers for Disease Control and Prevention said Tuesday in new guidance."
                + " Walking, running or cycling alone or with household members is safe without a"
                + " face covering, director Rochelle Walensky told a White House briefing.",
            DAY);
    var children =
        clustering.assign(
            "pfizer",
            "Pfizer vaccine cleared for children aged 12 to 15",
            "Regulators authorized the Pfizer-BioNTech COVID-19 vaccine for adolescents between"
                + " 12 and 15 on Tuesday, widening the campaign to millions of younger people."
                + " The Food and Drug Administration cited a trial of 2,260 teenagers in which no"
                + " cases occurred among those given two doses; pediatricians welcomed the decision.",
            DAY.plus(2, ChronoUnit.HOURS));

    assertThat(children.storyId())
        .as("similarity %s", children.similarity())
        .isNotEqualTo(masks.storyId());
    assertThat(children.started()).isTrue();
  }

  @Test
  void nearCopiesJoin() {
    String text =
        "The harbour wall at Dunhaven collapsed early on Monday after a night of storms. No one"
            + " was hurt, the coastguard said, but the road along the quay will stay closed.";
    var original = clustering.assign("wire", "Dunhaven harbour wall collapses in storm", text, DAY);
    var copy =
        clustering.assign(
            "copy", "Storm brings down Dunhaven harbour wall", text, DAY.plus(1, ChronoUnit.HOURS));

    assertThat(copy.storyId()).isEqualTo(original.storyId());
    assertThat(copy.similarity()).isGreaterThan(0.5);
  }

  @Test
  void aReportDaysLaterOnTheSameSubjectStartsItsOwnStory() {
    String text =
        "Workers at the Arlen tram depot walked out over pay on Monday, halting every tram line"
            + " in the city. The union said the strike would last until talks resume.";
    clustering.assign("monday", "Arlen tram workers strike over pay", text, DAY);
    var weekLater =
        clustering.assign(
            "later", "Arlen tram workers strike over pay", text, DAY.plus(4, ChronoUnit.DAYS));

    assertThat(weekLater.started()).as("outside the 72 h window").isTrue();
  }

  @Test
  void anArticleBridgingTwoStoriesOfOneEventMergesThem() {
    String collapse =
        clustering
            .assign(
                "collapse-1",
                "Brannock mine collapse traps forty workers underground",
                "A tunnel at the Brannock copper mine collapsed on Tuesday, trapping forty"
                    + " workers underground as rescuers drilled toward them.",
                DAY)
            .storyId();
    clustering.assign(
        "collapse-2",
        "Rescuers race to reach forty miners trapped at Brannock",
        "Rescue teams drilled through the night to reach forty miners trapped when a tunnel of"
            + " the Brannock copper mine collapsed.",
        DAY.plus(2, ChronoUnit.HOURS));
    String arrest =
        clustering
            .assign(
                "arrest-1",
                "Police detain businessman Edwin Marrow over ignored safety warnings",
                "Police detained the businessman Edwin Marrow on Tuesday evening, saying"
                    + " inspectors had warned him months ago about cracked supports.",
                DAY.plus(5, ChronoUnit.HOURS))
            .storyId();
    var owner =
        clustering.assign(
            "arrest-2",
            "Businessman Edwin Marrow detained over Brannock mine warnings",
            "Police detained businessman Edwin Marrow, saying he ignored warnings from inspectors"
                + " about cracked supports at the Brannock copper mine where forty miners are"
                + " trapped.",
            DAY.plus(6, ChronoUnit.HOURS));
    var bridge =
        clustering.assign(
            "bridge",
            "Brannock mine collapse: miners trapped, owner Marrow arrested",
            "Forty miners remain trapped after the Brannock copper mine tunnel collapse, and the"
                + " mine's owner Edwin Marrow was arrested over warnings of cracked supports.",
            DAY.plus(7, ChronoUnit.HOURS));

    assertThat(arrest).as("the arrest first reads as another event").isNotEqualTo(collapse);
    assertThat(owner.storyId()).isEqualTo(arrest);
    assertThat(bridge.merged()).containsAnyOf(collapse, arrest);
    assertThat(clustering.survivorOf(collapse))
        .isEqualTo(clustering.survivorOf(arrest))
        .isEqualTo(bridge.storyId())
        .as("the older of two stories the same size survives")
        .isEqualTo(collapse);
  }
}
