package io.newsbrief.commons.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the token of the next one ({@code ""} after the last page). */
public record Page<T>(List<T> items, String nextPageToken) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
    return new Page<>(items.stream().<R>map(mapping).toList(), nextPageToken);
  }
}
