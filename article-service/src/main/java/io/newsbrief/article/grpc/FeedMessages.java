package io.newsbrief.article.grpc;

import io.newsbrief.article.repository.Feed;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.proto.article.v1.FeedStatus;
import java.time.Duration;

/** Feed messages to and from domain types. */
final class FeedMessages {

  private FeedMessages() {}

  static io.newsbrief.proto.article.v1.Feed toProto(Feed feed) {
    FeedStatus.Builder status =
        FeedStatus.newBuilder()
            .setNextPollAt(ProtoValues.timestamp(feed.nextPollAt))
            .setLastError(feed.lastError)
            .setConsecutiveFailures(feed.consecutiveFailures)
            .setLastHttpStatus(feed.lastHttpStatus)
            .setEntriesSeen(feed.entriesSeen)
            .setArticlesCreated(feed.articlesCreated);
    if (feed.lastPolledAt != null) {
      status.setLastPolledAt(ProtoValues.timestamp(feed.lastPolledAt));
    }
    if (feed.lastSuccessAt != null) {
      status.setLastSuccessAt(ProtoValues.timestamp(feed.lastSuccessAt));
    }
    return io.newsbrief.proto.article.v1.Feed.newBuilder()
        .setId(feed.id.toString())
        .setUrl(feed.url)
        .setCanonicalUrl(feed.canonicalUrl)
        .setTitle(feed.title)
        .setSourceName(feed.sourceName)
        .setPollInterval(
            com.google.protobuf.Duration.newBuilder().setSeconds(feed.pollIntervalSeconds))
        .setPaused(feed.paused)
        .setCreatedAt(ProtoValues.timestamp(feed.createdAt))
        .setStatus(status)
        .build();
  }

  /** A poll interval as sent; null when unset. */
  static Duration pollInterval(boolean set, com.google.protobuf.Duration interval) {
    if (!set) {
      return null;
    }
    if (interval.getSeconds() < 0 || interval.getNanos() < 0 || interval.getNanos() > 999_999_999) {
      throw new InvalidArgumentException("poll_interval", "must be a positive duration");
    }
    return Duration.ofSeconds(interval.getSeconds(), interval.getNanos());
  }
}
