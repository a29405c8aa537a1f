package io.newsbrief.gateway.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.grpc.GrpcStatusMapper;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.CreateArticleResponse;
import io.newsbrief.proto.article.v1.GetArticleRequest;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.proto.article.v1.ListArticlesResponse;
import io.newsbrief.proto.article.v1.SearchArticlesRequest;
import io.newsbrief.proto.article.v1.SearchArticlesResponse;
import io.newsbrief.proto.article.v1.SearchResult;
import io.quarkus.grpc.GrpcService;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** article-service as the gateway tests need it, over a real channel to the test application. */
@GrpcService
public class FakeArticleService extends ArticleServiceGrpc.ArticleServiceImplBase {

  private final FakeDownstreams state;

  FakeArticleService(FakeDownstreams state) {
    this.state = state;
  }

  @Override
  public void createArticle(
      CreateArticleRequest request, StreamObserver<CreateArticleResponse> response) {
    if (down(response)) {
      return;
    }
    var input = request.getArticle();
    if (input.getUrl().isBlank() || !input.getUrl().startsWith("http")) {
      response.onError(
          GrpcStatusMapper.toStatus(
              new InvalidArgumentException("url", "must be an absolute http(s) URL")));
      return;
    }
    boolean[] created = {false};
    Article article =
        state.articlesByUrl.computeIfAbsent(
            input.getUrl(),
            url -> {
              created[0] = true;
              String id = UUID.randomUUID().toString();
              return Article.newBuilder()
                  .setId(id)
                  .setStoryId(id)
                  .setUrl(url)
                  .setCanonicalUrl(url)
                  .setTitle(input.getTitle())
                  .setSourceName(input.getSourceName())
                  .setLanguage("en")
                  .setText(input.getText())
                  .setPublishedAt(
                      com.google.protobuf.Timestamp.newBuilder()
                          .setSeconds(1_790_000_000L + state.articlesByUrl.size()))
                  .setFetchedAt(
                      com.google.protobuf.Timestamp.newBuilder().setSeconds(1_790_000_000L))
                  .build();
            });
    response.onNext(
        CreateArticleResponse.newBuilder().setArticle(article).setCreated(created[0]).build());
    response.onCompleted();
  }

  @Override
  public void getArticle(GetArticleRequest request, StreamObserver<Article> response) {
    if (down(response)) {
      return;
    }
    state.articlesByUrl.values().stream()
        .filter(a -> a.getId().equals(request.getId()))
        .findFirst()
        .ifPresentOrElse(
            a -> {
              response.onNext(a);
              response.onCompleted();
            },
            () ->
                response.onError(
                    Status.NOT_FOUND
                        .withDescription("article " + request.getId() + " not found")
                        .asRuntimeException()));
  }

  @Override
  public void listArticles(
      ListArticlesRequest request, StreamObserver<ListArticlesResponse> response) {
    if (down(response)) {
      return;
    }
    List<Article> all = sorted();
    int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
    int to = Math.min(all.size(), from + request.getPageSize());
    response.onNext(
        ListArticlesResponse.newBuilder()
            .addAllArticles(
                all.subList(from, to).stream().map(a -> a.toBuilder().clearText().build()).toList())
            .setNextPageToken(to < all.size() ? Integer.toString(to) : "")
            .build());
    response.onCompleted();
  }

  @Override
  public void searchArticles(
      SearchArticlesRequest request, StreamObserver<SearchArticlesResponse> response) {
    if (down(response)) {
      return;
    }
    var answer = SearchArticlesResponse.newBuilder();
    sorted().stream()
        .filter(a -> a.getTitle().toLowerCase().contains(request.getQuery().toLowerCase()))
        .limit(request.getPageSize())
        .forEach(
            a ->
                answer.addResults(
                    SearchResult.newBuilder().setArticle(a.toBuilder().clearText()).setScore(1)));
    response.onNext(answer.build());
    response.onCompleted();
  }

  private List<Article> sorted() {
    return state.articlesByUrl.values().stream()
        .sorted(Comparator.comparing((Article a) -> a.getPublishedAt().getSeconds()).reversed())
        .toList();
  }

  private boolean down(StreamObserver<?> response) {
    state.articleCalls.incrementAndGet();
    if (state.articlesDown) {
      response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
    }
    return state.articlesDown;
  }
}
