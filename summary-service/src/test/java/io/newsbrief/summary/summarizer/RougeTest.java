package io.newsbrief.summary.summarizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ROUGE against cases worked out by hand (rouge-score semantics). */
class RougeTest {

  @Test
  void tokensAreLowerCaseAlphanumericWithLongOnesStemmed() {
    assertThat(Rouge.tokens("The cats' RUNNING, U.S.-based 3.5 dogs!"))
        .containsExactly("the", "cat", "run", "u", "s", "base", "3", "5", "dog");
  }

  @Test
  void rougeNCountsClippedOverlaps() {
    // candidate: the cat sat on the mat (6 tokens); reference: the cat is on the mat (6 tokens)
    // unigram hits: the×2, cat, on, mat = 5 → P = R = F = 5/6
    var r1 = Rouge.rougeN("the cat sat on the mat", "the cat is on the mat", 1);
    assertThat(r1.f1()).isCloseTo(5.0 / 6, within(1e-9));
    // bigrams: candidate {the cat, cat sat, sat on, on the, the mat}, reference {the cat, cat is,
    // is on, on the, the mat}: hits 3 of 5 each way
    assertThat(Rouge.rougeN("the cat sat on the mat", "the cat is on the mat", 2).f1())
        .isCloseTo(3.0 / 5, within(1e-9));
    // "the the the" vs "the cat": hits min(3, 1) = 1; P = 1/3, R = 1/2, F = 0.4
    var clipped = Rouge.rougeN("the the the", "the cat", 1);
    assertThat(clipped.precision()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(clipped.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(clipped.f1()).isCloseTo(0.4, within(1e-9));
    assertThat(Rouge.rougeN("", "the cat", 1).f1()).isZero();
  }

  @Test
  void rougeLsumTakesTheUnionLcsOfEachReferenceSentence() {
    // reference sentence "a b c d e"; candidate lines "a b x" and "c d y":
    // LCS with line 1 = {a, b}, with line 2 = {c, d}; union 4 hits of 5 reference tokens,
    // 6 candidate tokens → P = 4/6, R = 4/5, F = 2·(2/3)(4/5)/(2/3 + 4/5) = 8/11
    var score = Rouge.rougeLsum("a b x\nc d y", "a b c d e");
    assertThat(score.precision()).isCloseTo(4.0 / 6, within(1e-9));
    assertThat(score.recall()).isCloseTo(4.0 / 5, within(1e-9));
    assertThat(score.f1()).isCloseTo(8.0 / 11, within(1e-9));
    // Each token is counted at most as often as it appears: "a a" against "a" hits once.
    assertThat(Rouge.rougeLsum("a a", "a").precision()).isCloseTo(0.5, within(1e-9));
    // Without line breaks the order matters across the whole text: "c d a b" vs "a b c d" = 2.
    assertThat(Rouge.rougeLsum("c d a b", "a b c d").recall()).isCloseTo(0.5, within(1e-9));
  }
}
