package io.newsbrief.gateway.rest;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.gateway.service.FeedQuery;
import jakarta.ws.rs.QueryParam;

/** The query parameters every list takes, checked before any downstream call. */
public class ListParams {

  @QueryParam("cursor")
  String cursor;

  @QueryParam("limit")
  String limit;

  @QueryParam("source")
  String source;

  @QueryParam("language")
  String language;

  @QueryParam("q")
  String q;

  int limit() {
    return Params.limit(limit);
  }

  String cursor() {
    return Params.cursor(cursor);
  }

  String source() {
    return Params.filter("source", source);
  }

  String language() {
    return Params.filter("language", language);
  }

  /** The full-text query, or null for a plain list. */
  String query() {
    return Params.query(q);
  }

  /** {@code parameter} applies to the whole feed only: refuses filters, a search or a cursor. */
  void requireWholeFeed(String parameter) {
    for (String[] other :
        new String[][] {{"source", source}, {"language", language}, {"q", q}, {"cursor", cursor}}) {
      if (other[1] != null && !other[1].isBlank()) {
        throw new InvalidArgumentException(other[0], "cannot be combined with " + parameter);
      }
    }
  }

  FeedQuery feedQuery() {
    return new FeedQuery(source(), language(), query(), limit(), cursor());
  }
}
