package io.newsbrief.commons.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparseVectorsTest {

  @Test
  void multipliesOnlySharedTermsWhicheverSideIsLarger() {
    Map<String, Double> small = Map.of("vote", 0.6, "senate", 0.8);
    Map<String, Double> large = Map.of("senate", 0.5, "bill", 0.5, "vote", 0.5, "house", 0.5);

    assertThat(SparseVectors.dot(small, large)).isCloseTo(0.7, within(1e-12));
    assertThat(SparseVectors.dot(large, small)).isCloseTo(0.7, within(1e-12));
    assertThat(SparseVectors.dot(small, Map.of("storm", 1.0))).isZero();
  }
}
