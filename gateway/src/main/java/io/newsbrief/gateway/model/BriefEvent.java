package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One live update of the feed: the articles whose briefs were written ({@code changed}) or
 * withdrawn ({@code removed}). {@code id} is a sync token: sent as the event id, it is where a
 * reconnecting client resumes ({@code Last-Event-ID}) and what {@code changedSince} accepts.
 */
@RegisterForReflection
public record BriefEvent(@JsonIgnore String id, List<String> changed, List<String> removed) {

  public static BriefEvent of(BriefDelta<Brief> delta) {
    return new BriefEvent(
        delta.syncToken(),
        delta.changed().stream().map(Brief::articleId).toList(),
        delta.removed());
  }

  public boolean isEmpty() {
    return changed.isEmpty() && removed.isEmpty();
  }
}
