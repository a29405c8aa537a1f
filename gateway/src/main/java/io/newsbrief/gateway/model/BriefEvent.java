package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * One live update of the feed: the articles whose briefs were written ({@code changed}) or
 * withdrawn ({@code removed}). {@code id} is a sync token: sent as the event id, it is where a
 * reconnecting client resumes ({@code Last-Event-ID}) and what {@code changedSince} accepts. {@code
 * json} is the event's data, serialized once for every subscriber.
 */
@RegisterForReflection
public record BriefEvent(
    @JsonIgnore String id, List<String> changed, List<String> removed, @JsonIgnore String json) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public BriefEvent(String id, List<String> changed, List<String> removed) {
    this(id, changed, removed, serialized(changed, removed));
  }

  public static BriefEvent of(BriefDelta<Brief> delta) {
    return new BriefEvent(
        delta.syncToken(),
        delta.changed().stream().map(Brief::articleId).toList(),
        delta.removed());
  }

  public boolean isEmpty() {
    return changed.isEmpty() && removed.isEmpty();
  }

  private static String serialized(List<String> changed, List<String> removed) {
    try {
      return JSON.writeValueAsString(Map.of("changed", changed, "removed", removed));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("lists of ids always serialize", e);
    }
  }
}
