package io.newsbrief.commons.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsbrief.commons.error.InvalidArgumentException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

  @Test
  void acceptsOnlyTheCanonicalForm() {
    UUID id = UUID.randomUUID();

    assertThat(Uuids.parse("id", id.toString())).isEqualTo(id);
    assertThat(Uuids.parseCanonical("1-1-1-1-1")).isEmpty(); // UUID.fromString would accept it
    assertThat(Uuids.parseCanonical("x".repeat(36))).isEmpty();
    assertThatThrownBy(() -> Uuids.parse("article_id", "42"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("article_id: must be a UUID");
  }
}
