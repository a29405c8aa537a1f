package io.newsbrief.article.grpc;

import com.google.protobuf.Timestamp;
import io.newsbrief.article.repository.Article;
import io.newsbrief.article.repository.ArticleRepository.ArticleFilter;
import io.newsbrief.article.service.ArticleCatalog.ImportOutcome;
import io.newsbrief.article.service.ArticleCatalog.SearchHit;
import io.newsbrief.article.service.ArticleSubmission;
import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.ImportItemResult;
import io.newsbrief.proto.article.v1.SearchResult;

/** Maps between proto messages and service types; proto types go no further than this package. */
final class ArticleMessages {

  private ArticleMessages() {}

  static ArticleSubmission toSubmission(ArticleInput input) {
    return new ArticleSubmission(
        input.getUrl(),
        input.getTitle(),
        input.getByline(),
        input.getSourceName(),
        input.getLanguage(),
        input.hasPublishedAt() ? ProtoValues.instant("published_at", input.getPublishedAt()) : null,
        input.getText(),
        input.getHtml());
  }

  static ArticleFilter toFilter(
      String sourceName,
      String language,
      Timestamp publishedAfter,
      boolean hasPublishedAfter,
      Timestamp publishedBefore,
      boolean hasPublishedBefore) {
    return new ArticleFilter(
        sourceName.strip(),
        language.strip(),
        hasPublishedAfter ? ProtoValues.instant("published_after", publishedAfter) : null,
        hasPublishedBefore ? ProtoValues.instant("published_before", publishedBefore) : null);
  }

  static io.newsbrief.proto.article.v1.Article toProto(Article article, ArticleView view) {
    var message =
        io.newsbrief.proto.article.v1.Article.newBuilder()
            .setId(article.id.toString())
            .setUrl(article.url)
            .setCanonicalUrl(article.canonicalUrl)
            .setTitle(article.title)
            .setByline(article.byline)
            .setSourceName(article.sourceName)
            .setLanguage(article.language)
            .setPublishedAt(ProtoValues.timestamp(article.publishedAt))
            .setFetchedAt(ProtoValues.timestamp(article.fetchedAt))
            .setContentSha256(article.contentSha256)
            .setWordCount(article.wordCount);
    if (view == ArticleView.ARTICLE_VIEW_FULL) {
      message.setText(article.text);
    }
    if (article.storyId != null) {
      message.setStoryId(article.storyId.toString());
    }
    return message.build();
  }

  static SearchResult toProto(SearchHit hit, ArticleView view) {
    return SearchResult.newBuilder()
        .setArticle(toProto(hit.article(), view))
        .setScore(hit.score())
        .setSnippet(hit.snippet())
        .build();
  }

  static ImportItemResult toProto(int index, ImportOutcome outcome) {
    ImportItemResult.Builder result =
        ImportItemResult.newBuilder()
            .setIndex(index)
            .setOutcome(
                switch (outcome.kind()) {
                  case CREATED ->
                      io.newsbrief.proto.article.v1.ImportOutcome.IMPORT_OUTCOME_CREATED;
                  case DUPLICATE ->
                      io.newsbrief.proto.article.v1.ImportOutcome.IMPORT_OUTCOME_DUPLICATE;
                  case REJECTED ->
                      io.newsbrief.proto.article.v1.ImportOutcome.IMPORT_OUTCOME_REJECTED;
                })
            .setReason(outcome.reason());
    if (outcome.articleId() != null) {
      result.setArticleId(outcome.articleId().toString());
    }
    return result.build();
  }
}
