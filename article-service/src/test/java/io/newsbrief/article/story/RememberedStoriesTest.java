package io.newsbrief.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsbrief.article.repository.ArticleRepository;
import io.newsbrief.article.repository.BriefRequestOutbox;
import io.newsbrief.article.repository.NewArticle;
import io.newsbrief.article.repository.StoryIndexRepository;
import io.newsbrief.article.repository.StoryRepository;
import io.newsbrief.article.service.ArticleCatalog;
import io.newsbrief.article.service.ArticleSubmission;
import io.newsbrief.article.story.StoryEvents.StoriesChanged;
import io.newsbrief.article.story.StoryEvents.StoriesPending;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The clustering a replica keeps between batches never hides what another replica stored, and
 * neither a rolled-back batch nor a deleted article leaves anything behind in it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RememberedStoriesTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Inject ArticleCatalog catalog;
  @Inject ArticleRepository articles;
  @Inject StoryGrouper grouper;
  @Inject StoryIndexRepository index;
  @Inject StoryRepository stories;
  @Inject BriefRequestOutbox briefRequests;
  @Inject StoryConfig config;
  @Inject Event<StoriesChanged> changes;
  @Inject Event<StoriesPending> pending;
  @Inject TransactionSynchronizationRegistry transactions;
  @Inject EntityManager entityManager;

  @Test
  void aStoryAnotherReplicaStartedIsJoinedByThisReplicasNextReport() {
    StoryGrouper otherReplica =
        new StoryGrouper(
            index,
            new RememberedStories(index, config, transactions),
            stories,
            briefRequests,
            config,
            changes,
            pending);
    // This replica keeps a clustering that knows the glacier report only.
    UUID glacier =
        store(
            grouper,
            "Glacier above Torvik village splits, forcing evacuation",
            "A section of the Torvik glacier split away on Monday and the village below was"
                + " evacuated overnight, officials said.");
    UUID tunnel =
        store(
            otherReplica,
            "Trollheim rail tunnel flooded after Vensfjord dam spillway fails",
            "The Trollheim rail tunnel flooded on Monday when the Vensfjord dam spillway failed,"
                + " stranding two freight trains; engineers began pumping at dawn.");
    UUID sameTunnel =
        store(
            grouper,
            "Vensfjord spillway failure floods Trollheim tunnel, trains stranded",
            "Water from the failed Vensfjord dam spillway poured into the Trollheim rail tunnel,"
                + " where two freight trains are stranded while crews pump it dry.");

    assertThat(storyOf(sameTunnel)).isEqualTo(storyOf(tunnel)).isNotEqualTo(storyOf(glacier));
  }

  @Test
  void aRolledBackBatchIsForgotten() {
    // Words no other test's reports use, so the report can only meet its rolled-back twin.
    String title = "Brasswick clocktower chimes thirteen after botched restoration";
    String text =
        "The Brasswick clocktower struck thirteen at noon, a week after restorers refitted its"
            + " Varnley escapement, the parish council said.";
    store(
        grouper,
        "Orchard growers report a record cider apple harvest",
        "Growers in the valley picked more cider apples than in any year since records began.");
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                NewArticle article = submitted(title, text);
                articles.insertNew(grouper.group(List.of(article)).articles());
                throw new IllegalStateException("rolled back");
              });
    } catch (IllegalStateException expected) {
      // the batch is gone; its story must be too
    }
    UUID stored = store(grouper, title, text);

    assertThat(storyOf(stored)).isEqualTo(stored);
  }

  @Test
  void anArticleDeletedByHandIsNoLongerJoined() {
    String title = "Lighthouse keeper's cottage at Askern Head burns down";
    String text =
        "Fire destroyed the old keeper's cottage beside the Askern Head lighthouse on Monday; the"
            + " light itself was not damaged, the trust that runs it said.";
    UUID deleted = store(grouper, title, text);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("DELETE FROM article WHERE id = ?1")
                    .setParameter(1, deleted)
                    .executeUpdate());

    UUID stored = store(grouper, title, text);

    assertThat(storyOf(stored)).isEqualTo(stored);
  }

  /** Stores a report as {@code replica} assigns it, as ArticleCatalog#create does. */
  private UUID store(StoryGrouper replica, String title, String text) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              StoryGrouper.StoryBatch batch = replica.group(List.of(submitted(title, text)));
              replica.index(batch, articles.insertNew(batch.articles()).insertedIds());
              return batch.articles().get(0).id();
            });
  }

  private NewArticle submitted(String title, String text) {
    return catalog.validate(
        new ArticleSubmission(
            "https://remembered.example/" + UUID.randomUUID(), title, "", "", "en", NOW, text, ""),
        Instant.now());
  }

  private UUID storyOf(UUID article) {
    return QuarkusTransaction.requiringNew().call(() -> articles.findById(article).storyId);
  }
}
