package io.newsbrief.gateway.rest;

import io.newsbrief.gateway.client.ArticlesClient;
import io.newsbrief.gateway.model.Article;
import io.newsbrief.gateway.model.NewArticle;
import io.newsbrief.gateway.model.Page;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Articles: read, list, search, submit. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

  static final int ARTICLE_MAX_AGE = 300;
  static final int LIST_MAX_AGE = 10;

  private final ArticlesClient articles;
  private final ETaggedResponses responses;

  ArticleResource(ArticlesClient articles, ETaggedResponses responses) {
    this.articles = articles;
    this.responses = responses;
  }

  @GET
  @Path("/articles/{id}")
  @Operation(summary = "One article with its text")
  public Response get(@PathParam("id") String id, @Context Request request) {
    return responses.ok(request, articles.get(Params.id(id)), ARTICLE_MAX_AGE);
  }

  @GET
  @Path("/articles")
  @Operation(summary = "Articles newest first, or the best matches of q")
  public Response list(
      @BeanParam ListParams params, @Context UriInfo uri, @Context Request request) {
    String query = params.query();
    Page<Article> page =
        query == null
            ? articles.list(params.source(), params.language(), params.limit(), params.cursor())
            : articles.search(
                query, params.source(), params.language(), params.limit(), params.cursor());
    return responses.ok(request, ETaggedResponses.withNextLink(page, uri), LIST_MAX_AGE);
  }

  @POST
  @Path("/articles")
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "apiKey")
  @Operation(
      summary = "Submit an article; its brief is requested by article-service",
      description =
          "201 when new, 200 when an article with the same canonical URL exists; Location names it.")
  public Response submit(NewArticle article, @Context UriInfo uri) {
    if (article == null) {
      throw new io.newsbrief.commons.error.InvalidArgumentException("url", "is required");
    }
    ArticlesClient.Created created = articles.create(article);
    URI location =
        uri.getBaseUriBuilder().path("api/v1/articles").path(created.article().id()).build();
    return Response.status(created.created() ? Response.Status.CREATED : Response.Status.OK)
        .location(location)
        .entity(created.article())
        .build();
  }
}
