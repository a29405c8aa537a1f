package io.newsbrief.gateway.rest;

import io.newsbrief.gateway.client.StoriesClient;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.gateway.model.Story;
import io.newsbrief.gateway.service.StoryReader;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stories: every outlet's report of one event as one entry. */
@Path("/api/v1/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories")
public class StoryResource {

  static final int STORY_MAX_AGE = 30;

  private final StoriesClient stories;
  private final StoryReader reader;
  private final ETaggedResponses responses;
  private final GatewayConfig config;

  StoryResource(
      StoriesClient stories, StoryReader reader, ETaggedResponses responses, GatewayConfig config) {
    this.stories = stories;
    this.reader = reader;
    this.responses = responses;
    this.config = config;
  }

  @GET
  @Operation(
      summary = "Stories, most recently updated first",
      description = "`q` keeps the stories with a report matching it (web-search syntax).")
  public Response list(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @QueryParam("language") String language,
      @QueryParam("q") String q,
      @Context UriInfo uri,
      @Context Request request) {
    Page<Story> page =
        stories.list(
            Params.filter("language", language),
            Params.query(q),
            Params.limit(limit),
            Params.cursor(cursor));
    return responses.ok(
        request, ETaggedResponses.withNextLink(page, uri), ArticleResource.LIST_MAX_AGE);
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "One story with its reports, earliest first, and its brief",
      description =
          "A story of two or more reports carries `brief`, written from all of them, every"
              + " sentence citing the reports that tell it. 202 with Retry-After while its first"
              + " brief is being made; while a newer one is made the previous one is served. A"
              + " story merged into another answers with the surviving story: its `id` differs"
              + " from the requested one, and `Content-Location` names it.")
  public Response get(@PathParam("id") String id, @Context UriInfo uri, @Context Request request) {
    String requested = Params.id(id);
    Story story = reader.story(requested);
    Response response =
        story.brief() != null && story.brief().isInProgress()
            ? Response.accepted(story)
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                .build()
            : responses.ok(request, story, STORY_MAX_AGE);
    if (story.id().equals(requested)) {
      return response;
    }
    return Response.fromResponse(response)
        .contentLocation(uri.getBaseUriBuilder().path("api/v1/stories").path(story.id()).build())
        .build();
  }
}
