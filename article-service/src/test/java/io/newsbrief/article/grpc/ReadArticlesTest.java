package io.newsbrief.article.grpc;

import static io.newsbrief.article.grpc.GrpcTestSupport.article;
import static io.newsbrief.article.grpc.GrpcTestSupport.statusOf;
import static io.newsbrief.article.grpc.GrpcTestSupport.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.BatchGetArticlesRequest;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.GetArticleRequest;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.proto.article.v1.ListArticlesResponse;
import io.newsbrief.proto.article.v1.SearchArticlesRequest;
import io.newsbrief.proto.article.v1.SearchArticlesResponse;
import io.newsbrief.proto.article.v1.SearchResult;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReadArticlesTest {

  private static final Instant BASE = Instant.parse("2026-01-01T12:00:00Z");

  @GrpcClient("articles")
  ArticleServiceBlockingStub articles;

  @Inject EntityManager entityManager;

  private ArticleServiceBlockingStub stub() {
    return articles.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private Article create(ArticleInput.Builder input) {
    return stub()
        .createArticle(CreateArticleRequest.newBuilder().setArticle(input).build())
        .getArticle();
  }

  private static Timestamp at(Instant instant) {
    return ProtoValues.timestamp(instant);
  }

  @Test
  void getReturnsFullArticleAndNotFoundOrInvalidArgumentOtherwise() {
    Article created = create(article("Get me", "Body text."));

    Article fetched =
        stub().getArticle(GetArticleRequest.newBuilder().setId(created.getId()).build());
    assertThat(fetched).isEqualTo(created);

    statusOf(
        () ->
            stub()
                .getArticle(
                    GetArticleRequest.newBuilder().setId(UUID.randomUUID().toString()).build()),
        Status.Code.NOT_FOUND);
    var invalid =
        statusOf(
            () -> stub().getArticle(GetArticleRequest.newBuilder().setId("not-a-uuid").build()),
            Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(invalid)).containsExactly("id");
  }

  @Test
  void batchGetKeepsRequestOrderAndReportsMissingIds() {
    Article first = create(article("First", "One."));
    Article second = create(article("Second", "Two."));
    String unknown = UUID.randomUUID().toString();

    var response =
        stub()
            .batchGetArticles(
                BatchGetArticlesRequest.newBuilder()
                    .addIds(second.getId())
                    .addIds(unknown)
                    .addIds(first.getId())
                    .build());

    assertThat(response.getArticlesList())
        .extracting(Article::getId)
        .containsExactly(second.getId(), first.getId());
    assertThat(response.getArticlesList()).allSatisfy(a -> assertThat(a.getText()).isEmpty());
    assertThat(response.getMissingIdsList()).containsExactly(unknown);

    statusOf(
        () -> stub().batchGetArticles(BatchGetArticlesRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT);
    var tooMany = BatchGetArticlesRequest.newBuilder();
    for (int i = 0; i < 101; i++) {
      tooMany.addIds(UUID.randomUUID().toString());
    }
    statusOf(() -> stub().batchGetArticles(tooMany.build()), Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void paginatesThroughMoreThanAPageWithoutGapsOrRepeats() {
    String source = "paging-" + UUID.randomUUID();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      // Five articles share each timestamp, so the id tie-break is exercised too.
      Instant published = BASE.plus(i / 5, ChronoUnit.HOURS);
      expected.add(
          create(
                  article("Story " + i, "Text " + i)
                      .setSourceName(source)
                      .setPublishedAt(at(published)))
              .getId());
    }

    List<Article> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      ListArticlesResponse page =
          stub()
              .listArticles(
                  ListArticlesRequest.newBuilder()
                      .setSourceName(source)
                      .setPageSize(10)
                      .setPageToken(token)
                      .build());
      assertThat(page.getArticlesCount()).isLessThanOrEqualTo(10);
      seen.addAll(page.getArticlesList());
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(pages).isEqualTo(5);
    assertThat(seen)
        .extracting(Article::getId)
        .containsExactlyInAnyOrderElementsOf(expected)
        .doesNotHaveDuplicates();
    assertThat(seen)
        .extracting(a -> a.getPublishedAt().getSeconds())
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(seen).allSatisfy(a -> assertThat(a.getText()).isEmpty());
  }

  @Test
  void filtersByLanguageAndPublicationWindow() {
    String source = "filters-" + UUID.randomUUID();
    create(
        article("Old", "Old.")
            .setSourceName(source)
            .setPublishedAt(at(BASE.minus(2, ChronoUnit.DAYS))));
    Article inWindow =
        create(article("New", "New.").setSourceName(source).setPublishedAt(at(BASE)));
    Article german =
        create(
            article("Neu", "Neu.")
                .setSourceName(source)
                .setLanguage("de")
                .setPublishedAt(at(BASE)));

    var window =
        stub()
            .listArticles(
                ListArticlesRequest.newBuilder()
                    .setSourceName(source)
                    .setLanguage("en")
                    .setPublishedAfter(at(BASE.minus(1, ChronoUnit.DAYS)))
                    .setPublishedBefore(at(BASE.plusSeconds(1)))
                    .setView(ArticleView.ARTICLE_VIEW_FULL)
                    .build());
    assertThat(window.getArticlesList())
        .extracting(Article::getId)
        .containsExactly(inWindow.getId());
    assertThat(window.getArticles(0).getText()).isEqualTo("New.");

    var byLanguage =
        stub()
            .listArticles(
                ListArticlesRequest.newBuilder().setSourceName(source).setLanguage("de").build());
    assertThat(byLanguage.getArticlesList())
        .extracting(Article::getId)
        .containsExactly(german.getId());

    statusOf(
        () ->
            stub()
                .listArticles(
                    ListArticlesRequest.newBuilder()
                        .setPublishedAfter(at(BASE))
                        .setPublishedBefore(at(BASE))
                        .build()),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void refusesPageTokensThatAreForgedOrBelongToOtherFilters() {
    String source = "tokens-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      create(article("T" + i, "T.").setSourceName(source));
    }
    String token =
        stub()
            .listArticles(
                ListArticlesRequest.newBuilder().setSourceName(source).setPageSize(1).build())
            .getNextPageToken();
    assertThat(token).isNotEmpty();

    var otherFilter =
        statusOf(
            () ->
                stub()
                    .listArticles(
                        ListArticlesRequest.newBuilder()
                            .setSourceName("other")
                            .setPageToken(token)
                            .build()),
            Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(otherFilter)).containsExactly("page_token");
    for (String forged :
        List.of("garbage!", "bm90IGEgdG9rZW4", token.substring(0, token.length() - 2))) {
      statusOf(
          () ->
              stub()
                  .listArticles(
                      ListArticlesRequest.newBuilder()
                          .setSourceName(source)
                          .setPageToken(forged)
                          .build()),
          Status.Code.INVALID_ARGUMENT);
    }
    statusOf(
        () -> stub().listArticles(ListArticlesRequest.newBuilder().setPageSize(-1).build()),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void searchRanksTitleMatchesFirstAndPaginates() {
    String source = "search-" + UUID.randomUUID();
    String term = "zq" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    Article inBody =
        create(
            article(
                    "Weather update",
                    "Storms moved east. The " + term + " project was mentioned once.")
                .setSourceName(source));
    Article inTitle =
        create(
            article(
                    "The " + term + " plan is approved",
                    "Council approved the " + term + " plan on Monday.")
                .setSourceName(source));
    create(article("Unrelated", "Nothing to see here.").setSourceName(source));

    SearchArticlesResponse response =
        stub()
            .searchArticles(
                SearchArticlesRequest.newBuilder().setQuery(term).setSourceName(source).build());

    assertThat(response.getResultsList())
        .extracting(r -> r.getArticle().getId())
        .containsExactly(inTitle.getId(), inBody.getId());
    assertThat(response.getResults(0).getScore()).isGreaterThan(response.getResults(1).getScore());
    assertThat(response.getResults(0).getSnippet()).containsIgnoringCase(term);

    List<String> paged = new ArrayList<>();
    String token = "";
    do {
      SearchArticlesResponse page =
          stub()
              .searchArticles(
                  SearchArticlesRequest.newBuilder()
                      .setQuery(term)
                      .setSourceName(source)
                      .setPageSize(1)
                      .setPageToken(token)
                      .build());
      page.getResultsList().stream()
          .map(SearchResult::getArticle)
          .map(Article::getId)
          .forEach(paged::add);
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertThat(paged).containsExactly(inTitle.getId(), inBody.getId());
  }

  @Test
  void theSearchVectorIsWrittenWithTheRowAndFollowsItsTextNotItsStory() {
    String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
    Article article = create(article("A " + word + " ferry sails", "The ferry left at dawn."));
    assertThat(searchIds(word)).containsExactly(article.getId());

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("UPDATE article SET story_id = ?1 WHERE id = ?2")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, UUID.fromString(article.getId()))
                    .executeUpdate());
    assertThat(searchIds(word)).as("moved to another story").containsExactly(article.getId());

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("UPDATE article SET title = 'Renamed' WHERE id = ?1")
                    .setParameter(1, UUID.fromString(article.getId()))
                    .executeUpdate());
    assertThat(searchIds(word)).as("the old title is gone from the index").isEmpty();
    assertThat(searchIds("dawn")).contains(article.getId());
  }

  private List<String> searchIds(String query) {
    return stub()
        .searchArticles(SearchArticlesRequest.newBuilder().setQuery(query).setPageSize(100).build())
        .getResultsList()
        .stream()
        .map(r -> r.getArticle().getId())
        .toList();
  }

  @Test
  void searchTreatsHostileQueriesAsTextAndRejectsEmptyOnes() {
    for (String query :
        List.of(
            "'; DROP TABLE article; --", "\" OR 1=1", "<script>alert(1)</script>", "a & | ! :*")) {
      var response =
          stub().searchArticles(SearchArticlesRequest.newBuilder().setQuery(query).build());
      assertThat(response.getResultsCount()).isGreaterThanOrEqualTo(0);
    }
    var empty =
        statusOf(
            () -> stub().searchArticles(SearchArticlesRequest.newBuilder().setQuery("   ").build()),
            Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(empty)).containsExactly("query");
    assertThat(
            stub()
                .getArticle(
                    GetArticleRequest.newBuilder()
                        .setId(create(article("Still", "here")).getId())
                        .build()))
        .isNotNull();
  }

  /** PostgreSQL refuses a NUL in text: such input must be a bad request, never "unavailable". */
  @Test
  void controlCharactersInQueriesAndFiltersAreInvalidArguments() {
    for (String bad : List.of("\u0000", "war\u0000peace", "\u0001", "\u007f")) {
      assertThat(
              violatedFields(
                  statusOf(
                      () ->
                          stub()
                              .searchArticles(
                                  SearchArticlesRequest.newBuilder().setQuery(bad).build()),
                      Status.Code.INVALID_ARGUMENT)))
          .containsExactly("query");
      assertThat(
              violatedFields(
                  statusOf(
                      () ->
                          stub()
                              .listArticles(
                                  ListArticlesRequest.newBuilder().setSourceName(bad).build()),
                      Status.Code.INVALID_ARGUMENT)))
          .containsExactly("source_name");
    }
    assertThat(
            stub()
                .searchArticles(
                    SearchArticlesRequest.newBuilder().setQuery("tab\tand line").build())
                .getResultsCount())
        .isGreaterThanOrEqualTo(0);
  }
}
