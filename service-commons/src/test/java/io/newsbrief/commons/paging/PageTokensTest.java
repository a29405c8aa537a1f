package io.newsbrief.commons.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsbrief.commons.error.InvalidArgumentException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageTokensTest {

  @Test
  void roundTripsKeysExactly() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-11-28T09:00:00.123456Z");
    float score = 0.1f + 0.2f;
    String token =
        PageTokens.encode("list|a", at.toString(), id.toString(), PageTokens.floatKey(score));

    PageTokens.Keys keys = PageTokens.decode(token, "list|a", 3);

    assertThat(keys.instant(0)).isEqualTo(at);
    assertThat(keys.uuid(1)).isEqualTo(id);
    assertThat(keys.exactFloat(2)).isEqualTo(score);
    assertThat(token).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void refusesTokensOfOtherQueriesAndForgeries() {
    String token =
        PageTokens.encode("list|a", "2026-01-01T00:00:00Z", UUID.randomUUID().toString());

    assertThatThrownBy(() -> PageTokens.decode(token, "list|b", 2))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("other filters");
    assertThatThrownBy(() -> PageTokens.decode("%%%", "list|a", 2))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> PageTokens.decode(token, "list|a", 3))
        .isInstanceOf(InvalidArgumentException.class);
    String shortUuid = PageTokens.encode("q", "1-1-1-1-1");
    assertThatThrownBy(() -> PageTokens.decode(shortUuid, "q", 1).uuid(0))
        .isInstanceOf(InvalidArgumentException.class)
        .satisfies(
            e ->
                assertThat(((InvalidArgumentException) e).violations().get(0).field())
                    .isEqualTo("page_token"));
  }
}
