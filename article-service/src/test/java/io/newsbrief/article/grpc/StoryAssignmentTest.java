package io.newsbrief.article.grpc;

import static io.newsbrief.article.grpc.GrpcTestSupport.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stories as articles are stored through the API, against the real database. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StoryAssignmentTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String[] PLACES = {"Quellbridge", "Varnhollow", "Ostermere", "Kilnwick"};

  @GrpcClient("articles")
  ArticleServiceBlockingStub articles;

  private String storyOf(ArticleInput.Builder input, Instant publishedAt) {
    input.setPublishedAt(Timestamp.newBuilder().setSeconds(publishedAt.getEpochSecond()).build());
    return articles
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .createArticle(CreateArticleRequest.newBuilder().setArticle(input).build())
        .getArticle()
        .getStoryId();
  }

  @Test
  void writersStoringReportsOfOneEventAtOnceEndInOneStory() throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (String place : PLACES) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> stories = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          String outlet = "Outlet " + w;
          stories.add(
              pool.submit(
                  () -> {
                    start.await();
                    return storyOf(
                        article(
                                "Storm brings down the " + place + " harbour wall",
                                "The harbour wall at "
                                    + place
                                    + " collapsed early on Monday after a night of storms, "
                                    + outlet
                                    + " reports. No one was hurt, the coastguard said, but the"
                                    + " quay road will stay closed while engineers inspect it.")
                            .setSourceName(outlet),
                        NOW);
                  }));
        }
        start.countDown();
        Set<String> distinct = new HashSet<>();
        for (Future<String> story : stories) {
          distinct.add(story.get(60, TimeUnit.SECONDS));
        }
        assertThat(distinct).as("stories of the %s reports", place).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void differentlyWordedReportsJoinAndAnotherEventOfTheDayDoesNot() {
    String senate =
        storyOf(
            article(
                    "Senate Approves Zephyrian Hate Crimes Bill In Rare Bipartisan Vote",
                    "The Senate approved legislation on Thursday to help law enforcement respond to"
                        + " hate crimes against Zephyrian Americans, passing the bill 94-1 after two"
                        + " weeks of talks. Only Sen. Josh Hawley of Missouri voted no.")
                .setSourceName("NPR"),
            NOW);
    String sameEvent =
        storyOf(
            article(
                    "Senate passes anti-Zephyrian hate crime bill with only Hawley opposed",
                    "Senators overwhelmingly passed a bill Thursday aimed at the rise in hate"
                        + " crimes targeting Zephyrian Americans during the pandemic. The 94-1 vote"
                        + " sends the measure to the House; Hawley said it was too broad.")
                .setSourceName("Fox News"),
            NOW.plus(3, ChronoUnit.HOURS));
    String otherEvent =
        storyOf(
            article(
                    "House committee advances Quorvant river dam inquiry",
                    "A House committee voted on Thursday to open an inquiry into the failed dam on"
                        + " the Quorvant river, calling engineers and the state's governor to"
                        + " testify next month about warnings they received.")
                .setSourceName("Reuters"),
            NOW.plus(4, ChronoUnit.HOURS));

    assertThat(sameEvent).isEqualTo(senate);
    assertThat(otherEvent).isNotEqualTo(senate);
  }
}
