package io.newsbrief.summary.summarizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The faithfulness score and its fact checks on a small council story. */
class SourceSupportTest {

  static final String ARTICLE =
      "The city council of Springfield approved a new budget of $4.2 million on Tuesday, after a"
          + " debate that lasted six hours. Mayor Ellen Park said the budget would fund two new"
          + " libraries and repair roads in the east of the city.\n\n"
          + "Council member David Ruiz voted against the plan, arguing that it raised property"
          + " taxes too sharply. The budget takes effect on July 1.\n\n"
          + "Residents who attended the meeting were divided: some praised the library plans,"
          + " others complained about the tax increase.";

  private final SourceSupport support = SourceSupport.of(List.of(ARTICLE));

  @Test
  void copiedSentencesScoreOne() {
    List<String> copied = SourceSupport.sentencesOf(ARTICLE);

    assertThat(support.score(copied)).isEqualTo(1.0);
    assertThat(copied)
        .allSatisfy(s -> assertThat(support.check(s).statesOnlySupportedFacts()).isTrue());
  }

  @Test
  void aSentenceQuotedWholeScoresAsCheckingItWould() {
    Summary brief =
        new ExtractiveSummarizer().summarize(new ArticleContent("Budget", ARTICLE, "en"));
    SourceSupport fresh = SourceSupport.of(List.of(ARTICLE));

    assertThat(fresh.score(brief.sentences()))
        .isEqualTo(
            brief.sentences().stream()
                .mapToDouble(s -> support.check(s).support())
                .average()
                .orElse(0));
  }

  @Test
  void aSentenceGluedToAnotherWordIsNotTakenAsQuoted() {
    String glued =
        "uncil member David Ruiz voted against the plan, arguing that it raised property taxes too"
            + " sharply.";

    assertThat(ARTICLE).contains(glued);
    assertThat(support.support(glued)).isLessThan(1.0).isEqualTo(support.check(glued).support());
  }

  @Test
  void aFaithfulParaphraseIsSupportedAndStatesNoNewFact() {
    var check =
        support.check(
            "Springfield's council approved a $4.2 million budget on Tuesday after six hours of"
                + " debate.");

    assertThat(check.support()).isBetween(0.35, 1.0);
    assertThat(check.statesOnlySupportedFacts()).isTrue();
  }

  @Test
  void anInventedPersonIsAnUnsupportedFact() {
    var check = support.check("The budget was praised by Governor Mark Lee on Tuesday.");

    assertThat(check.unsupportedFacts()).containsExactly("Governor", "Mark", "Lee");
    assertThat(check.statesOnlySupportedFacts()).isFalse();
  }

  @Test
  void anInventedNumberIsAnUnsupportedFact() {
    var check = support.check("The council approved a new budget of $9 million on Tuesday.");

    assertThat(check.unsupportedFacts()).containsExactly("9");
    assertThat(
            support.check("The budget of 4.2 million takes effect on July 1.").unsupportedFacts())
        .isEmpty();
  }

  @Test
  void aReversedClaimIsANegationFlip() {
    assertThat(support.check("The city council did not approve the new budget.").negationFlip())
        .isTrue();
    assertThat(support.check("The city council approved the new budget.").negationFlip()).isFalse();
  }

  @Test
  void anUnrelatedSentenceHasLittleSupport() {
    assertThat(support.check("A lead written by the fake model.").support()).isLessThan(0.2);
    assertThat(support.score(List.of())).isZero();
  }

  @Test
  void lowerCasedTokenizedTextIsReadTheSameWay() {
    SourceSupport lowerCased =
        SourceSupport.of(
            List.of("the council approved a new budget on tuesday . it was n't easy ."));

    assertThat(lowerCased.check("the council approved a new budget .").support()).isEqualTo(1.0);
    assertThat(lowerCased.check("the council did n't approve the budget .").negationFlip())
        .isTrue();
  }
}
