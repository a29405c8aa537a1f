package io.newsbrief.gateway.rest;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.gateway.client.FeedsClient;
import io.newsbrief.gateway.model.Feed;
import io.newsbrief.gateway.model.NewFeed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feeds article-service polls. Operators only: every call needs an API key, reads included. */
@Path("/api/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Feeds")
public class FeedResource {

  private final FeedsClient feeds;

  FeedResource(FeedsClient feeds) {
    this.feeds = feeds;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register an RSS, Atom or JSON Feed",
      description =
          "201 with Location; its first poll starts at once. 409 when the feed is registered,"
              + " 400 when its URL cannot be fetched (only public http(s) addresses).")
  public Response add(NewFeed feed, @Context UriInfo uri) {
    if (feed == null) {
      throw new InvalidArgumentException("url", "is required");
    }
    Feed added = feeds.add(feed);
    return Response.created(uri.getAbsolutePathBuilder().path(added.id()).build())
        .entity(added)
        .build();
  }

  @GET
  @Operation(summary = "Registered feeds, oldest first, with their poll status")
  public Response list(
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    return Response.ok(
            ETaggedResponses.withNextLink(
                feeds.list(Params.limit(limit), Params.cursor(cursor)), uri))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One feed with its poll status (last error, next poll, counts)")
  public Feed get(@PathParam("id") String id) {
    return feeds.get(Params.id(id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Stop polling a feed; its articles stay")
  public Response remove(@PathParam("id") String id) {
    feeds.remove(Params.id(id));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/pause")
  @Operation(summary = "Pause polling (idempotent)")
  public Feed pause(@PathParam("id") String id) {
    return feeds.pause(Params.id(id));
  }

  @POST
  @Path("/{id}/resume")
  @Operation(summary = "Resume polling; a poll is due at once (idempotent)")
  public Feed resume(@PathParam("id") String id) {
    return feeds.resume(Params.id(id));
  }

  @POST
  @Path("/{id}/refresh")
  @Operation(
      summary = "Poll now",
      description = "The poll runs in the background; watch status.lastPolledAt. 409 when paused.")
  public Feed refresh(@PathParam("id") String id) {
    return feeds.refresh(Params.id(id));
  }
}
