package io.newsbrief.gateway.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/**
 * What changed in the feed since a sync token: the changed articles' briefs (as cards, or whole
 * with {@code view=full}), the ids of articles whose briefs were withdrawn, the token for the next
 * sync, and {@code hasMore} when another call would at once return more.
 */
@RegisterForReflection
public record BriefDelta<T>(
    List<T> changed, List<String> removed, String syncToken, boolean hasMore) {

  public <U> BriefDelta<U> map(Function<? super T, ? extends U> view) {
    return new BriefDelta<>(changed.stream().<U>map(view).toList(), removed, syncToken, hasMore);
  }
}
