package io.newsbrief.article.grpc;

import io.newsbrief.article.config.ArticleLimits;
import io.newsbrief.article.repository.ArticleRepository.ArticleFilter;
import io.newsbrief.article.service.ArticleCatalog;
import io.newsbrief.article.service.ArticleCatalog.ImportOutcome;
import io.newsbrief.article.service.ArticleEvents;
import io.newsbrief.article.service.ArticleSubmission;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.grpc.GrpcCalls;
import io.newsbrief.commons.grpc.GrpcStatusMapper;
import io.newsbrief.commons.ids.Uuids;
import io.newsbrief.proto.article.v1.ArticleService;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.BatchGetArticlesRequest;
import io.newsbrief.proto.article.v1.BatchGetArticlesResponse;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.CreateArticleResponse;
import io.newsbrief.proto.article.v1.GetArticleRequest;
import io.newsbrief.proto.article.v1.ImportArticlesRequest;
import io.newsbrief.proto.article.v1.ImportArticlesResponse;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.proto.article.v1.ListArticlesResponse;
import io.newsbrief.proto.article.v1.SearchArticlesRequest;
import io.newsbrief.proto.article.v1.SearchArticlesResponse;
import io.newsbrief.proto.article.v1.WatchArticlesRequest;
import io.newsbrief.proto.article.v1.WatchArticlesResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The gRPC edge of article-service: maps messages, calls {@link ArticleCatalog}, maps errors. */
@GrpcService
public class ArticleGrpcService implements ArticleService {

  private final ArticleCatalog catalog;
  private final ArticleEvents events;
  private final ArticleLimits limits;

  ArticleGrpcService(ArticleCatalog catalog, ArticleEvents events, ArticleLimits limits) {
    this.catalog = catalog;
    this.events = events;
    this.limits = limits;
  }

  @Override
  @Blocking
  public Uni<CreateArticleResponse> createArticle(CreateArticleRequest request) {
    return GrpcCalls.unary(
        () -> {
          var stored = catalog.create(ArticleMessages.toSubmission(request.getArticle()));
          return CreateArticleResponse.newBuilder()
              .setArticle(ArticleMessages.toProto(stored.article(), ArticleView.ARTICLE_VIEW_FULL))
              .setCreated(stored.created())
              .build();
        });
  }

  @Override
  @Blocking
  public Uni<io.newsbrief.proto.article.v1.Article> getArticle(GetArticleRequest request) {
    return GrpcCalls.unary(
        () ->
            ArticleMessages.toProto(
                catalog.get(Uuids.parse("id", request.getId())), ArticleView.ARTICLE_VIEW_FULL));
  }

  @Override
  @Blocking
  public Uni<BatchGetArticlesResponse> batchGetArticles(BatchGetArticlesRequest request) {
    return GrpcCalls.unary(
        () -> {
          List<UUID> ids = request.getIdsList().stream().map(id -> Uuids.parse("ids", id)).toList();
          var result = catalog.batchGet(ids);
          var response = BatchGetArticlesResponse.newBuilder();
          result
              .articles()
              .forEach(a -> response.addArticles(ArticleMessages.toProto(a, request.getView())));
          result.missingIds().forEach(id -> response.addMissingIds(id.toString()));
          return response.build();
        });
  }

  @Override
  @Blocking
  public Uni<ListArticlesResponse> listArticles(ListArticlesRequest request) {
    return GrpcCalls.unary(
        () -> {
          ArticleFilter filter =
              ArticleMessages.toFilter(
                  request.getSourceName(),
                  request.getLanguage(),
                  request.getPublishedAfter(),
                  request.hasPublishedAfter(),
                  request.getPublishedBefore(),
                  request.hasPublishedBefore());
          var page = catalog.list(filter, request.getPageSize(), request.getPageToken());
          var response = ListArticlesResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items()
              .forEach(a -> response.addArticles(ArticleMessages.toProto(a, request.getView())));
          return response.build();
        });
  }

  @Override
  @Blocking
  public Uni<SearchArticlesResponse> searchArticles(SearchArticlesRequest request) {
    return GrpcCalls.unary(
        () -> {
          ArticleFilter filter =
              new ArticleFilter(
                  request.getSourceName().strip(), request.getLanguage().strip(), null, null);
          var page =
              catalog.search(
                  request.getQuery(), filter, request.getPageSize(), request.getPageToken());
          var response = SearchArticlesResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items()
              .forEach(hit -> response.addResults(ArticleMessages.toProto(hit, request.getView())));
          return response.build();
        });
  }

  /**
   * Validates each item on its own and writes valid items in batches of {@code import-batch-size}
   * items or {@code import-batch-bytes}, one database round trip per batch, off the event loop,
   * {@code import-concurrency} batches at a time (each mostly waits on the database); results are
   * reported in stream order. Batches are never cut by a timer (the last one closes with the
   * stream): a timer-cut batch would be emitted regardless of demand, which overflows the stream.
   */
  @Override
  public Uni<ImportArticlesResponse> importArticles(Multi<ImportArticlesRequest> requests) {
    AtomicInteger nextIndex = new AtomicInteger();
    return Batches.cut(
            requests,
            limits.importBatchSize(),
            limits.importBatchBytes(),
            ImportArticlesRequest::getSerializedSize)
        .map(batch -> batch.stream().map(ImportItem::of).toList())
        .map(items -> new NumberedBatch(nextIndex.getAndAdd(items.size()), items))
        .onItem()
        .transformToUni(
            batch ->
                Uni.createFrom()
                    .item(() -> new ImportedBatch(batch.firstIndex(), importBatch(batch.items())))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
        .merge(limits.importConcurrency())
        .collect()
        .in(
            () -> new TreeMap<Integer, List<ImportOutcome>>(),
            (byFirstIndex, batch) -> byFirstIndex.put(batch.firstIndex(), batch.outcomes()))
        .map(ArticleGrpcService::importResponse)
        .onFailure()
        .transform(GrpcStatusMapper::toStatus);
  }

  private record NumberedBatch(int firstIndex, List<ImportItem> items) {}

  private record ImportedBatch(int firstIndex, List<ImportOutcome> outcomes) {}

  private static ImportArticlesResponse importResponse(
      SortedMap<Integer, List<ImportOutcome>> byFirstIndex) {
    ImportArticlesResponse.Builder response = ImportArticlesResponse.newBuilder();
    int index = 0;
    for (List<ImportOutcome> outcomes : byFirstIndex.values()) {
      for (ImportOutcome outcome : outcomes) {
        response.addResults(ArticleMessages.toProto(index++, outcome));
        switch (outcome.kind()) {
          case CREATED -> response.setCreatedCount(response.getCreatedCount() + 1);
          case DUPLICATE -> response.setDuplicateCount(response.getDuplicateCount() + 1);
          case REJECTED -> response.setRejectedCount(response.getRejectedCount() + 1);
        }
      }
    }
    return response.build();
  }

  @Override
  public Multi<WatchArticlesResponse> watchArticles(WatchArticlesRequest request) {
    String sourceName = request.getSourceName().strip();
    String language = request.getLanguage().strip();
    return events.stream()
        .filter(a -> sourceName.isEmpty() || sourceName.equals(a.sourceName))
        .filter(a -> language.isEmpty() || language.equals(a.language))
        .map(
            a ->
                WatchArticlesResponse.newBuilder()
                    .setArticle(ArticleMessages.toProto(a, ArticleView.ARTICLE_VIEW_BASIC))
                    .build())
        .onFailure()
        .transform(GrpcStatusMapper::toStatus);
  }

  /**
   * One streamed item: a submission, or a rejection when the item could not even be mapped (an
   * out-of-range timestamp), which is reported like any other bad field.
   */
  private record ImportItem(ArticleSubmission submission, ImportOutcome rejection) {

    static ImportItem of(ImportArticlesRequest request) {
      try {
        return new ImportItem(ArticleMessages.toSubmission(request.getArticle()), null);
      } catch (InvalidArgumentException e) {
        return new ImportItem(
            null, new ImportOutcome(ImportOutcome.Kind.REJECTED, null, e.getMessage()));
      }
    }
  }

  private List<ImportOutcome> importBatch(List<ImportItem> batch) {
    List<ArticleSubmission> submissions =
        batch.stream().map(ImportItem::submission).filter(Objects::nonNull).toList();
    Iterator<ImportOutcome> stored = catalog.importBatch(submissions).iterator();
    return batch.stream()
        .map(item -> item.rejection() != null ? item.rejection() : stored.next())
        .toList();
  }
}
