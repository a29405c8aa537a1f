package io.newsbrief.summary.summarizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void keepsAbbreviationsInitialsAndDecimalsInsideSentences() {
    assertThat(
            SentenceSplitter.split(
                "Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. Prices rose 3.5% to $4.20."
                    + " J. R. Tolkien was mentioned. See example.com for more."))
        .containsExactly(
            "Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5.",
            "Prices rose 3.5% to $4.20.",
            "J. R. Tolkien was mentioned.",
            "See example.com for more.");
  }

  @Test
  void splitsAfterClosingQuotesAndBracketsButNotInsideQuotedQuestions() {
    assertThat(
            SentenceSplitter.split(
                "\"We will win,\" she said. Will they? Yes! (It ended.) \"Why now?\" he asked."
                    + " “It is over.” Done."))
        .containsExactly(
            "\"We will win,\" she said.",
            "Will they?",
            "Yes!",
            "(It ended.)",
            "\"Why now?\" he asked.",
            "“It is over.”",
            "Done.");
  }

  @Test
  void splitsTokenizedLowerCaseText() {
    assertThat(
            SentenceSplitter.split(
                "( cnn ) the u.s. said it was 7.9 . `` we knew , '' he said . is it over ? no ."))
        .containsExactly(
            "( cnn ) the u.s. said it was 7.9 .",
            "`` we knew , '' he said .",
            "is it over ?",
            "no .");
  }

  @Test
  void dropsBylinesAndBoilerplateLinesAndSplitsBulletLists() {
    String text =
        """
        By Jane Doe
        Published: 10:04 EST, 3 March 2026

        Ministers agreed three steps on Monday:
        • a freeze on new licences
        - a review of the subsidy
        1. a vote in June

        Read more: Why the vote matters
        Sign up for our newsletter
        Advertisement
        The opposition called the plan timid. It will vote against it.
        (Reporting by John Roe; Editing by Ann Poe)""";

    assertThat(SentenceSplitter.paragraphs(text))
        .containsExactly(
            List.of(
                "Ministers agreed three steps on Monday:",
                "a freeze on new licences",
                "a review of the subsidy",
                "a vote in June"),
            List.of("The opposition called the plan timid.", "It will vote against it."));
  }

  /**
   * A Daily Mail page as CNN/DailyMail keeps it: line breaks lost, page text run into the story.
   */
  static final String RUN_TOGETHER_PAGE =
      "By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST,"
          + " 25 October 2013 . The bishop of the Fargo diocese has exposed hundreds of church members"
          + " to hepatitis. Bishop John Folda (pictured) of the Fargo diocese has exposed hundreds"
          + " of members to the hepatitis A . Health officials say the risk is low. Scroll down for"
          + " video . Warning: Officials urged anyone who took communion to seek a vaccine . He"
          + " added: 'We are taking every precaution.' Watch a report from the diocese » . E-mail to"
          + " a friend . Follow @MailOnline on Twitter . Copyright 2013 Reuters. All rights"
          + " reserved.This material may not be published, broadcast, rewritten, or redistributed.";

  /** A feed's page with its lines: captions, credits and link lines between the paragraphs. */
  static final String PAGE_WITH_LINES =
      "By Daily Mail Reporter\n"
          + "Last updated at 10:27 AM on 21st February 2012\n\n"
          + "A train announcer stunned passengers by warning them about pickpockets.\n"
          + "Passengers on the platform at Telford Central\n"
          + "The remark was greeted by cheers from fans heading to the match.\n\n"
          + "Photo: Chris Downes/Rex Features\n"
          + "READ MORE: Why are trains always late?\n"
          + "Click here to watch the video\n"
          + "The operator said it would speak to the announcer.";

  @Test
  void dropsPageTextRunIntoTheStory() {
    assertThat(SentenceSplitter.paragraphs(RUN_TOGETHER_PAGE).stream().flatMap(List::stream))
        .containsExactly(
            "The bishop of the Fargo diocese has exposed hundreds of church members to hepatitis.",
            "Health officials say the risk is low.",
            "He added: 'We are taking every precaution.'");
  }

  @Test
  void anUnpunctuatedLineEndsASentenceAndAShortOneIsDropped() {
    assertThat(SentenceSplitter.paragraphs(PAGE_WITH_LINES))
        .containsExactly(
            List.of(
                "A train announcer stunned passengers by warning them about pickpockets.",
                "The remark was greeted by cheers from fans heading to the match."),
            List.of("The operator said it would speak to the announcer."));
  }

  @Test
  void proseWrappedAtAFixedWidthStaysWhole() {
    String wrapped =
        """
        The council approved the budget on
        Tuesday after a debate that lasted six
        hours. Mayor Ellen Park said the money
        would fund two new libraries.""";

    assertThat(SentenceSplitter.paragraphs(wrapped))
        .containsExactly(
            List.of(
                "The council approved the budget on Tuesday after a debate that lasted six hours.",
                "Mayor Ellen Park said the money would fund two new libraries."));
  }

  @Test
  void takesDatelinesOffSentences() {
    assertThat(SentenceSplitter.withoutDateline("GENEVA — Talks resumed on Thursday."))
        .isEqualTo("Talks resumed on Thursday.");
    assertThat(SentenceSplitter.withoutDateline("LONDON (Reuters) - Shares fell."))
        .isEqualTo("Shares fell.");
    assertThat(SentenceSplitter.withoutDateline("LAS VEGAS, June 10 (UPI) -- A man sang."))
        .isEqualTo("A man sang.");
    assertThat(SentenceSplitter.withoutDateline("( cnn ) a powerful earthquake struck ."))
        .isEqualTo("a powerful earthquake struck .");
    assertThat(
            SentenceSplitter.withoutDateline("baltimore , maryland ( cnn ) protesters marched ."))
        .isEqualTo("protesters marched .");
    assertThat(SentenceSplitter.withoutDateline("The talks — long stalled — resumed."))
        .isEqualTo("The talks — long stalled — resumed.");
  }

  @Test
  void emptyAndUnterminatedText() {
    assertThat(SentenceSplitter.split("   ")).isEmpty();
    assertThat(SentenceSplitter.split("No full stop at the end"))
        .containsExactly("No full stop at the end");
    assertThat(SentenceSplitter.paragraphs("\n\n \n")).isEmpty();
  }
}
