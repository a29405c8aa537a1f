package io.newsbrief.article.grpc;

import io.newsbrief.article.repository.StoryRepository.StoryFilter;
import io.newsbrief.article.story.StoryCatalog;
import io.newsbrief.article.story.StoryEvents;
import io.newsbrief.article.story.StoryGrouper;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.grpc.GrpcCalls;
import io.newsbrief.commons.grpc.GrpcStatusMapper;
import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.commons.ids.Uuids;
import io.newsbrief.proto.article.v1.BackfillStoriesRequest;
import io.newsbrief.proto.article.v1.BackfillStoriesResponse;
import io.newsbrief.proto.article.v1.GetStoryRequest;
import io.newsbrief.proto.article.v1.ListStoriesRequest;
import io.newsbrief.proto.article.v1.ListStoriesResponse;
import io.newsbrief.proto.article.v1.Story;
import io.newsbrief.proto.article.v1.StoryChange;
import io.newsbrief.proto.article.v1.StoryService;
import io.newsbrief.proto.article.v1.WatchStoriesRequest;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The gRPC edge of stories: maps messages, calls {@link StoryCatalog}, maps errors. */
@GrpcService
public class StoryGrpcService implements StoryService {

  static final int DEFAULT_BACKFILL_BATCH = 500;
  static final int MAX_BACKFILL_BATCH = 5000;

  private final StoryCatalog catalog;
  private final StoryGrouper grouper;
  private final StoryEvents events;

  StoryGrpcService(StoryCatalog catalog, StoryGrouper grouper, StoryEvents events) {
    this.catalog = catalog;
    this.grouper = grouper;
    this.events = events;
  }

  @Override
  @Blocking
  public Uni<ListStoriesResponse> listStories(ListStoriesRequest request) {
    return GrpcCalls.unary(
        () -> {
          StoryFilter filter =
              new StoryFilter(
                  request.getLanguage().strip(),
                  request.getQuery(),
                  request.hasUpdatedSince()
                      ? ProtoValues.instant("updated_since", request.getUpdatedSince())
                      : null);
          var page = catalog.list(filter, request.getPageSize(), request.getPageToken());
          var response = ListStoriesResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(story -> response.addStories(StoryMessages.toProto(story)));
          return response.build();
        });
  }

  @Override
  @Blocking
  public Uni<Story> getStory(GetStoryRequest request) {
    return GrpcCalls.unary(
        () -> StoryMessages.toProto(catalog.get(Uuids.parse("id", request.getId()))));
  }

  @Override
  public Multi<StoryChange> watchStories(WatchStoriesRequest request) {
    String language = request.getLanguage().strip();
    return events.stream()
        .filter(change -> language.isEmpty() || language.equals(change.story().language()))
        .map(StoryMessages::toProto)
        .onFailure()
        .transform(GrpcStatusMapper::toStatus);
  }

  @Override
  @Blocking
  public Uni<BackfillStoriesResponse> backfillStories(BackfillStoriesRequest request) {
    return GrpcCalls.unary(
        () -> {
          int size = request.getBatchSize();
          if (size < 0 || size > MAX_BACKFILL_BATCH) {
            throw new InvalidArgumentException(
                "batch_size", "must be between 0 (the default) and " + MAX_BACKFILL_BATCH);
          }
          int regrouped = grouper.backfill(size == 0 ? DEFAULT_BACKFILL_BATCH : size);
          return BackfillStoriesResponse.newBuilder().setRegrouped(regrouped).build();
        });
  }
}
