package io.newsbrief.gateway.rest;

import io.grpc.Status;
import io.newsbrief.gateway.client.ArticlesClient;
import io.newsbrief.gateway.client.DownstreamRejection;
import io.newsbrief.gateway.client.SummariesClient;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.Article;
import io.newsbrief.gateway.model.Brief;
import io.newsbrief.gateway.model.Page;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The feed and the brief screen. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Briefs")
public class BriefResource {

  static final int FEED_MAX_AGE = 10;
  static final int BRIEF_MAX_AGE = 60;

  /** How many search hits the feed's {@code q} filter considers. */
  static final int SEARCH_WINDOW = 100;

  private final SummariesClient summaries;
  private final ArticlesClient articles;
  private final Cacheable cacheable;
  private final GatewayConfig config;

  BriefResource(
      SummariesClient summaries,
      ArticlesClient articles,
      Cacheable cacheable,
      GatewayConfig config) {
    this.summaries = summaries;
    this.articles = articles;
    this.cacheable = cacheable;
    this.config = config;
  }

  @GET
  @Path("/briefs")
  @Operation(summary = "The feed: finished briefs, newest first, optionally filtered or searched")
  public Response feed(
      @BeanParam ListParams params, @Context UriInfo uri, @Context Request request) {
    String query = params.query();
    List<String> articleIds = List.of();
    if (query != null) {
      articleIds =
          articles
              .search(query, params.source(), params.language(), SEARCH_WINDOW, null)
              .items()
              .stream()
              .map(Article::id)
              .toList();
      if (articleIds.isEmpty()) {
        return cacheable.ok(request, new Page<Brief>(List.of(), null, null), FEED_MAX_AGE);
      }
    }
    Page<Brief> page =
        summaries.list(
            params.source(), params.language(), articleIds, params.limit(), params.cursor());
    return cacheable.ok(request, withNextLink(page, uri), FEED_MAX_AGE);
  }

  @GET
  @Path("/articles/{id}/brief")
  @Operation(
      summary = "The brief screen of an article",
      description =
          "200 with the brief when done; 202 with Retry-After while it is being made (a first call requests it).")
  public Response brief(@PathParam("id") String id, @Context Request request) {
    String articleId = Params.id(id);
    Brief brief;
    try {
      brief = summaries.get(articleId);
    } catch (DownstreamRejection e) {
      if (e.status().getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      brief = summaries.request(articleId);
    }
    if (brief.isDone()) {
      return cacheable.ok(request, brief, BRIEF_MAX_AGE);
    }
    if (Brief.FAILED.equals(brief.status())) {
      return Problem.unprocessable(
              "brief-failed", "No brief could be made of this article: " + brief.reason())
          .response()
          .build();
    }
    return Response.accepted(brief)
        .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
        .build();
  }

  static <T> Page<T> withNextLink(Page<T> page, UriInfo uri) {
    if (page.cursor() == null) {
      return page;
    }
    String next =
        uri.getRequestUriBuilder().replaceQueryParam("cursor", page.cursor()).build().toString();
    return new Page<>(page.items(), page.cursor(), next);
  }
}
