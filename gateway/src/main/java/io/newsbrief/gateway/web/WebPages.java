package io.newsbrief.gateway.web;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.gateway.client.DownstreamRejection;
import io.newsbrief.gateway.client.DownstreamUnavailable;
import io.newsbrief.gateway.client.StoriesClient;
import io.newsbrief.gateway.model.Brief;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.gateway.model.Story;
import io.newsbrief.gateway.rest.Params;
import io.newsbrief.gateway.service.BriefReader;
import io.newsbrief.gateway.service.FeedQuery;
import io.newsbrief.gateway.service.Served;
import io.newsbrief.gateway.service.StoryReader;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A read-only web page of the feed and of each brief, laid out like the app's screens. Templates
 * are in {@code templates/WebPages}; Qute escapes every value, so stored text is shown, never run.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WebPages {

  static final int FEED_SIZE = 20;
  private static final int NOT_FOUND = 404;
  private static final int UNPROCESSABLE = 422;
  private static final int UNAVAILABLE = 503;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance feed(Page<Brief> page, boolean stale);

    static native TemplateInstance brief(Brief brief, boolean stale);

    static native TemplateInstance inProgress(Brief brief);

    static native TemplateInstance problem(String title, String detail);

    static native TemplateInstance stories(Page<Story> page);

    static native TemplateInstance story(Story story);
  }

  private final BriefReader reader;
  private final StoriesClient stories;
  private final StoryReader storyReader;

  WebPages(BriefReader reader, StoriesClient stories, StoryReader storyReader) {
    this.reader = reader;
    this.stories = stories;
    this.storyReader = storyReader;
  }

  @GET
  @Path("stories")
  @Operation(hidden = true)
  public TemplateInstance stories(@QueryParam("cursor") String cursor) {
    return Templates.stories(stories.list(null, null, FEED_SIZE, Params.cursor(cursor)));
  }

  /**
   * A story: its brief, every sentence marked with the outlets that tell it (links to them), then
   * its reports.
   */
  @GET
  @Path("stories/{id}")
  @Operation(hidden = true)
  public TemplateInstance story(@PathParam("id") String id) {
    return Templates.story(storyReader.story(Params.id(id)));
  }

  @GET
  @Operation(hidden = true)
  public TemplateInstance feed(@QueryParam("cursor") String cursor) {
    Served<Page<Brief>> page =
        reader.feed(new FeedQuery(null, null, null, FEED_SIZE, Params.cursor(cursor)));
    return Templates.feed(page.value(), page.stale());
  }

  @GET
  @Path("briefs/{articleId}")
  @Operation(hidden = true)
  public Response brief(@PathParam("articleId") String articleId) {
    Served<Brief> served = reader.brief(Params.id(articleId));
    Brief brief = served.value();
    if (brief.isDone()) {
      return Response.ok(Templates.brief(brief, served.stale())).build();
    }
    if (Brief.FAILED.equals(brief.status())) {
      return page(
          UNPROCESSABLE,
          "No brief for this article",
          "No brief could be made of this article: " + brief.reason());
    }
    // Refreshes itself until the brief is done.
    return Response.accepted(Templates.inProgress(brief)).header("Refresh", "2").build();
  }

  @ServerExceptionMapper
  Response notFound(InvalidArgumentException e) {
    return page(NOT_FOUND, "Not found", "There is no such brief or story.");
  }

  @ServerExceptionMapper
  Response rejected(DownstreamRejection e) {
    return page(NOT_FOUND, "Not found", "There is no such brief, story or page.");
  }

  @ServerExceptionMapper({DownstreamUnavailable.class, FaultToleranceException.class})
  Response unavailable(RuntimeException e) {
    return page(
        UNAVAILABLE,
        "Briefs are unavailable",
        "Briefs cannot be shown right now. Please try again in a moment.");
  }

  private static Response page(int status, String title, String detail) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.problem(title, detail))
        .build();
  }
}
