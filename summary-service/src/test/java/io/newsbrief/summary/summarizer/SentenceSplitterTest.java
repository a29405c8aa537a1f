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
