package io.newsbrief.commons.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsbrief.commons.error.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void textWithTabsLineBreaksAndAnyScriptPasses() {
    for (String ok :
        List.of("", "geneva talks", "a\tb\nc\r\n", "Zürich 東京 🚀", "\" OR 1=1 --", "\u00a0")) {
      assertThat(PlainText.checked("q", ok)).isEqualTo(ok);
    }
    assertThat(PlainText.checked("q", null)).isNull();
  }

  @Test
  void controlCharactersAndLoneSurrogatesAreRefusedNamingTheField() {
    for (String bad :
        List.of(
            "\u0000",
            "a\u0000b",
            "\u0001",
            "\u001b[31m",
            "\u007f",
            "\u0085",
            "\ud800",
            "x\udc00")) {
      assertThatThrownBy(() -> PlainText.checked("q", bad))
          .isInstanceOf(InvalidArgumentException.class)
          .satisfies(
              e ->
                  assertThat(((InvalidArgumentException) e).violations())
                      .singleElement()
                      .satisfies(v -> assertThat(v.field()).isEqualTo("q")));
    }
  }
}
