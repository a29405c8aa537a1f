package io.newsbrief.article.grpc;

import io.newsbrief.article.repository.Story;
import io.newsbrief.article.repository.StoryMember;
import io.newsbrief.article.story.StoryCatalog.StoryDetail;
import io.newsbrief.article.story.StoryEvents.StoryChange;
import io.newsbrief.commons.grpc.ProtoValues;

/** Maps stories to proto messages. */
final class StoryMessages {

  private StoryMessages() {}

  static io.newsbrief.proto.article.v1.Story.Builder toProto(Story story) {
    return io.newsbrief.proto.article.v1.Story.newBuilder()
        .setId(story.id().toString())
        .setHeadline(story.headline())
        .setLanguage(story.language())
        .setFirstPublishedAt(ProtoValues.timestamp(story.firstPublished()))
        .setLastPublishedAt(ProtoValues.timestamp(story.lastPublished()))
        .setUpdatedAt(ProtoValues.timestamp(story.updatedAt()))
        .setArticleCount(story.articles())
        .setSourceCount(story.sources());
  }

  static io.newsbrief.proto.article.v1.Story toProto(StoryDetail detail) {
    var message = toProto(detail.story());
    detail.members().forEach(member -> message.addMembers(toProto(member)));
    return message.build();
  }

  static io.newsbrief.proto.article.v1.StoryChange toProto(StoryChange change) {
    var message =
        io.newsbrief.proto.article.v1.StoryChange.newBuilder().setStory(toProto(change.story()));
    change.mergedIds().forEach(id -> message.addMergedIds(id.toString()));
    return message.build();
  }

  private static io.newsbrief.proto.article.v1.StoryMember toProto(StoryMember member) {
    return io.newsbrief.proto.article.v1.StoryMember.newBuilder()
        .setArticleId(member.articleId().toString())
        .setSourceName(member.sourceName())
        .setTitle(member.title())
        .setCanonicalUrl(member.canonicalUrl())
        .setPublishedAt(ProtoValues.timestamp(member.publishedAt()))
        .build();
  }
}
