package io.newsbrief.article.story;

import io.agroal.api.AgroalDataSource;
import io.newsbrief.proto.article.v1.ArticleService;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StoryAssignmentBenchmark}'s import with clustering off: every article alone. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(StoryAssignmentOffBenchmark.ClusteringOff.class)
public class StoryAssignmentOffBenchmark {

  public static class ClusteringOff implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsbrief.articles.stories.enabled", "false");
    }
  }

  @GrpcClient("articles")
  ArticleService articles;

  @Inject AgroalDataSource dataSource;

  @Test
  void importRateWithClusteringOff() throws Exception {
    StoryAssignmentBenchmark.run("clustering off", articles, dataSource);
  }
}
