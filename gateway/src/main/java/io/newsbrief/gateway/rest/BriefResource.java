package io.newsbrief.gateway.rest;

import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.Brief;
import io.newsbrief.gateway.model.BriefCard;
import io.newsbrief.gateway.model.BriefDelta;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.gateway.service.BriefReader;
import io.newsbrief.gateway.service.Served;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The feed and the brief screen. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Briefs")
public class BriefResource {

  static final int FEED_MAX_AGE = 10;
  static final String CARD_VIEW = "card";
  static final String FULL_VIEW = "full";
  static final int BRIEF_MAX_AGE = 60;

  private final BriefReader reader;
  private final ETaggedResponses responses;
  private final GatewayConfig config;

  BriefResource(BriefReader reader, ETaggedResponses responses, GatewayConfig config) {
    this.reader = reader;
    this.responses = responses;
    this.config = config;
  }

  @GET
  @Path("/briefs")
  @Operation(
      summary = "The feed: finished briefs, newest first, optionally filtered or searched",
      description =
          "Items are cards (headline, source, generatedAt, lead); `view=full` gives each item the"
              + " whole brief with its sections, as before. The first page of the unfiltered feed"
              + " carries a `syncToken`. With `changedSince=<token>` the answer is a delta instead:"
              + " the briefs written since the token (`changed`), the ids of articles whose briefs"
              + " were withdrawn (`removed`), the next `syncToken`, and `hasMore` when another call"
              + " would return more at once. A token older than the changes kept gets 410: read"
              + " the feed again from its first page.")
  @APIResponse(responseCode = "200", description = "A feed page, or a delta with changedSince")
  @APIResponse(responseCode = "410", description = "changedSince is too old: sync in full")
  public Response feed(
      @BeanParam ListParams params,
      @Parameter(description = "`card` (default) or `full`") @QueryParam("view") String view,
      @Parameter(description = "A syncToken from the feed or an earlier delta")
          @QueryParam("changedSince")
          String changedSince,
      @Context UriInfo uri,
      @Context Request request) {
    boolean full = FULL_VIEW.equals(Params.view(view, CARD_VIEW, FULL_VIEW));
    String token = Params.syncToken("changedSince", changedSince);
    if (token != null) {
      params.requireWholeFeed("changedSince");
      Served<BriefDelta<Brief>> delta = reader.changes(token, params.limit());
      return full
          ? responses.ok(request, delta, FULL_VIEW, d -> d, 0)
          : responses.ok(request, delta, CARD_VIEW, d -> d.map(BriefCard::of), 0);
    }
    Served<Page<Brief>> page = reader.feed(params.feedQuery());
    if (full) {
      return responses.page(request, page, uri, FULL_VIEW, brief -> brief, FEED_MAX_AGE);
    }
    return responses.page(request, page, uri, CARD_VIEW, BriefCard::of, FEED_MAX_AGE);
  }

  @DELETE
  @Path("/articles/{id}/brief")
  @Operation(
      summary = "Withdraw an article's brief",
      description =
          "For a wrong or retracted summary: the feed drops it, syncing apps get it in `removed`,"
              + " and the next read of the brief makes a new one. Needs an API key.")
  @APIResponse(responseCode = "204", description = "Withdrawn")
  @APIResponse(responseCode = "404", description = "The article has no brief")
  public Response withdraw(@PathParam("id") String id) {
    reader.withdraw(Params.id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("/articles/{id}/brief")
  @Operation(
      summary = "The brief screen of an article",
      description =
          "200 with the brief when done; 202 with Retry-After while it is being made (a first call"
              + " requests it). While summary-service is failing, a brief served recently is"
              + " served again with `Cache-Status: ...; detail=stale-if-error`.")
  public Response brief(@PathParam("id") String id, @Context Request request) {
    Served<Brief> served = reader.brief(Params.id(id));
    Brief brief = served.value();
    if (brief.isDone()) {
      return responses.ok(request, served, BRIEF_MAX_AGE);
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
}
