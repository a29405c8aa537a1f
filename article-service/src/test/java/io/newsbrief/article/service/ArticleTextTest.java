package io.newsbrief.article.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

  @Test
  void normalizesParagraphsLinesAndSpaces() {
    String raw =
        "\r\n  First   line\t of para one.\r\n  Second line.  \r\n\r\n\r\n\n Para two.\u00a0End. \n\n";
    assertThat(ArticleText.normalize(raw))
        .isEqualTo("First line of para one.\nSecond line.\n\nPara two. End.");
  }

  @Test
  void dropsControlAndFormatCharactersButKeepsEmojiJoiners() {
    assertThat(ArticleText.normalize("a\u0000b\u0007c\u200bd\ufeffe 👩\u200d💻"))
        .isEqualTo("abcde 👩\u200d💻");
    assertThat(ArticleText.normalize("lone \ud800 surrogate")).isEqualTo("lone surrogate");
  }

  @Test
  void composesToNfcSoEquivalentTextsHashAlike() {
    String decomposed = "Cafe\u0301 society";
    String composed = "Caf\u00e9 society";
    assertThat(ArticleText.normalize(decomposed)).isEqualTo(composed);
    assertThat(ArticleText.sha256(ArticleText.normalize(decomposed)))
        .isEqualTo(ArticleText.sha256(ArticleText.normalize(composed)));
  }

  @Test
  void countsWordsIncludingContractionsAndNumbers() {
    assertThat(ArticleText.wordCount("It's 3.5% up — U.S. stocks rose, well-known analysts said."))
        .isEqualTo(9);
    assertThat(ArticleText.wordCount("")).isZero();
  }

  @Test
  void hashesUtf8AsLowerCaseHex() {
    assertThat(ArticleText.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void measuresUtf8Length() {
    assertThat(ArticleText.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
  }

  @Test
  void normalizesSingleLineFields() {
    assertThat(ArticleText.normalizeLine("  Breaking:\n  talks\tresume "))
        .isEqualTo("Breaking: talks resume");
  }
}
