package io.newsbrief.summary.summarizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void keepsAbbreviationsInitialsAndDecimalsInsideSentences() {
    assertThat(
            SentenceSplitter.split(
                "Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. Prices rose 3.5% to $4.20."
                    + " J. R. Tolkien was mentioned."))
        .containsExactly(
            "Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5.",
            "Prices rose 3.5% to $4.20.",
            "J. R. Tolkien was mentioned.");
  }

  @Test
  void splitsAfterQuotesQuestionsAndExclamations() {
    assertThat(
            SentenceSplitter.split("\"We will win,\" she said. Will they? Yes! (It ended.) Done."))
        .containsExactly(
            "\"We will win,\" she said.", "Will they?", "Yes!", "(It ended.)", "Done.");
  }

  @Test
  void emptyAndUnterminatedText() {
    assertThat(SentenceSplitter.split("   ")).isEmpty();
    assertThat(SentenceSplitter.split("No full stop at the end"))
        .containsExactly("No full stop at the end");
  }
}
