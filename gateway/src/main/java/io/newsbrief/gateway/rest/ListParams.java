package io.newsbrief.gateway.rest;

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

  FeedQuery feedQuery() {
    return new FeedQuery(source(), language(), query(), limit(), cursor());
  }
}
