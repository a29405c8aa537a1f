package io.newsbrief.commons.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.paging.KeysetPaging.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetPagingTest {

  private static final List<Integer> ROWS = IntStream.rangeClosed(1, 7).boxed().toList();
  private static final SortOrder<Integer, Integer> ASCENDING =
      new SortOrder<>(1, keys -> Integer.valueOf(keys.values().get(0)), row -> List.of("" + row));

  private final KeysetPaging paging = new KeysetPaging(3, 5);
  private final List<Integer> limitsAsked = new ArrayList<>();

  private List<Integer> rowsAfter(Integer after, int limit) {
    limitsAsked.add(limit);
    return ROWS.stream().filter(row -> after == null || row > after).limit(limit).toList();
  }

  @Test
  void pagesThroughEveryRowOnceAndEndsWithAnEmptyToken() {
    List<Integer> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      Page<Integer> page = paging.page(3, token, "q", ASCENDING, this::rowsAfter);
      seen.addAll(page.items());
      token = page.nextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(seen).isEqualTo(ROWS);
    assertThat(pages).isEqualTo(3);
    assertThat(limitsAsked).containsOnly(4);
  }

  @Test
  void anExactlyFullLastPageHasNoNextToken() {
    Page<Integer> page = paging.page(5, "", "q", ASCENDING, (after, limit) -> ROWS.subList(0, 5));

    assertThat(page.items()).hasSize(5);
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  void sizeZeroIsTheDefaultAndLargeSizesAreCapped() {
    assertThat(paging.page(0, "", "q", ASCENDING, this::rowsAfter).items()).hasSize(3);
    assertThat(paging.page(1000, "", "q", ASCENDING, this::rowsAfter).items()).hasSize(5);
  }

  @Test
  void refusesNegativeSizesAndTokensOfOtherQueries() {
    assertThatThrownBy(() -> paging.page(-1, "", "q", ASCENDING, this::rowsAfter))
        .isInstanceOf(InvalidArgumentException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("page_size"));
    String token = paging.page(2, "", "q", ASCENDING, this::rowsAfter).nextPageToken();
    assertThatThrownBy(() -> paging.page(2, token, "other", ASCENDING, this::rowsAfter))
        .isInstanceOf(InvalidArgumentException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("page_token"));
    assertThat(limitsAsked).hasSize(1);
  }

  private static String field(Throwable e) {
    return ((InvalidArgumentException) e).violations().get(0).field();
  }
}
