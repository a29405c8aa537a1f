package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, newest or best first. {@code next} is the link to the following page, absent
 * on the last one; {@code cursor} is the same position for clients that build their own links.
 * {@code syncToken}, on the first page of the unfiltered feed only, is where delta sync ({@code
 * changedSince}) starts: what changes after this page was read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Page<T>(List<T> items, String cursor, String next, String syncToken) {

  public Page(List<T> items, String cursor, String next) {
    this(items, cursor, next, null);
  }

  /** The same page with each item shown through {@code view}. */
  public <U> Page<U> map(Function<? super T, ? extends U> view) {
    return new Page<>(items.stream().<U>map(view).toList(), cursor, next, syncToken);
  }

  public Page<T> withNext(String nextLink) {
    return new Page<>(items, cursor, nextLink, syncToken);
  }

  public Page<T> withoutSyncToken() {
    return syncToken == null ? this : new Page<>(items, cursor, next, null);
  }
}
