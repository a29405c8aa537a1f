package io.newsbrief.article.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The SQL of story clustering: the articles' term vectors and postings, the corpus statistics, and
 * the lock that makes assignment one writer at a time across replicas.
 */
@ApplicationScoped
public class StoryIndexRepository {

  /** An arbitrary constant: the advisory lock every story assignment takes. */
  private static final long ASSIGNMENT_LOCK = 0x5354_4F52_5953L;

  private final EntityManager entityManager;

  StoryIndexRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A stored article's story and vector. */
  public record StoredVector(
      UUID articleId, UUID storyId, Instant publishedAt, List<String> terms, float[] weights) {}

  /**
   * Serializes story assignment across replicas until this transaction ends: the next writer sees
   * every story this one made, so one event is never split by two writers deciding at once.
   */
  public void lockAssignment() {
    session()
        .doWork(
            connection -> {
              try (PreparedStatement lock =
                  connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ASSIGNMENT_LOCK);
                lock.execute();
              }
            });
  }

  /**
   * The corpus as the term statistics count it: how many articles, and how many times articles were
   * deleted (which changes members without changing that count).
   */
  public record Corpus(long documents, long deletions) {}

  public Corpus corpus() {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement corpus =
                      connection.prepareStatement("SELECT documents, deletions FROM story_corpus");
                  ResultSet rows = corpus.executeQuery()) {
                rows.next();
                return new Corpus(rows.getLong(1), rows.getLong(2));
              }
            });
  }

  /** In how many articles each of {@code terms} occurs; terms in none are left out. */
  public Map<String, Long> documentFrequency(Collection<String> terms) {
    if (terms.isEmpty()) {
      return Map.of();
    }
    return session()
        .doReturningWork(
            connection -> {
              Map<String, Long> frequency = new HashMap<>();
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT term, documents FROM story_term WHERE term = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", terms.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    frequency.put(rows.getString(1), rows.getLong(2));
                  }
                }
              }
              return frequency;
            });
  }

  /** Every article with a term vector published in [{@code from}, {@code to}], earliest first. */
  public List<StoredVector> membersPublished(Instant from, Instant to) {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT id, story_id, published_at, story_terms, story_weights FROM article"
                          + " WHERE published_at BETWEEN ? AND ? AND story_terms IS NOT NULL"
                          + " ORDER BY published_at, id")) {
                select.setTimestamp(1, Timestamp.from(from));
                select.setTimestamp(2, Timestamp.from(to));
                List<StoredVector> vectors = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    Float[] weights = (Float[]) rows.getArray(5).getArray();
                    float[] unboxed = new float[weights.length];
                    for (int i = 0; i < weights.length; i++) {
                      unboxed[i] = weights[i];
                    }
                    vectors.add(
                        new StoredVector(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, UUID.class),
                            rows.getTimestamp(3).toInstant(),
                            List.of((String[]) rows.getArray(4).getArray()),
                            unboxed));
                  }
                }
                return vectors;
              }
            });
  }

  /**
   * Counts stored articles into the statistics and indexes each by its first {@code indexedTerms}
   * terms (the heaviest).
   */
  public void record(List<NewArticle> stored, int indexedTerms) {
    if (stored.isEmpty()) {
      return;
    }
    List<String> postingTerms = new ArrayList<>();
    List<Timestamp> postingTimes = new ArrayList<>();
    List<UUID> postingArticles = new ArrayList<>();
    List<String> allTerms = new ArrayList<>();
    for (NewArticle article : stored) {
      List<String> terms = article.storyTerms();
      allTerms.addAll(terms);
      for (String term : terms.subList(0, Math.min(terms.size(), indexedTerms))) {
        postingTerms.add(term);
        postingTimes.add(Timestamp.from(article.publishedAt()));
        postingArticles.add(article.id());
      }
    }
    session()
        .doWork(
            connection -> {
              try (PreparedStatement postings =
                  connection.prepareStatement(
                      "INSERT INTO story_posting (term, published_at, article_id)"
                          + " SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::uuid[])"
                          + " ON CONFLICT DO NOTHING")) {
                postings.setArray(1, connection.createArrayOf("text", postingTerms.toArray()));
                postings.setArray(
                    2, connection.createArrayOf("timestamptz", postingTimes.toArray()));
                postings.setArray(3, connection.createArrayOf("uuid", postingArticles.toArray()));
                postings.executeUpdate();
              }
              try (PreparedStatement frequencies =
                  connection.prepareStatement(
                      "INSERT INTO story_term (term, documents)"
                          + " SELECT term, count(*) FROM unnest(?::text[]) AS term GROUP BY term"
                          + " ON CONFLICT (term) DO UPDATE"
                          + " SET documents = story_term.documents + EXCLUDED.documents")) {
                frequencies.setArray(1, connection.createArrayOf("text", allTerms.toArray()));
                frequencies.executeUpdate();
              }
              try (PreparedStatement corpus =
                  connection.prepareStatement(
                      "UPDATE story_corpus SET documents = documents + ?")) {
                corpus.setLong(1, stored.size());
                corpus.executeUpdate();
              }
            });
  }

  /**
   * Up to {@code limit} stored articles without a term vector (imported and not grouped yet, or
   * stored before stories were clustered), the earliest published first, locked until the
   * transaction ends and skipped by another backfill running at once.
   */
  public List<NewArticle> unindexed(int limit) {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT "
                          + NewArticle.COLUMNS
                          + " FROM article WHERE story_terms IS NULL"
                          + " ORDER BY published_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setInt(1, limit);
                List<NewArticle> articles = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    articles.add(NewArticle.read(rows));
                  }
                }
                return articles;
              }
            });
  }

  /** How many stored articles have no term vector yet. */
  public long countUnindexed() {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement count =
                      connection.prepareStatement(
                          "SELECT count(*) FROM article WHERE story_terms IS NULL");
                  ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
              }
            });
  }

  /** Stores the story and term vector of articles already stored. */
  public void reassign(List<NewArticle> articles) {
    session()
        .doWork(
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE article SET story_id = ?, story_terms = ?, story_weights = ?"
                          + " WHERE id = ?")) {
                for (NewArticle article : articles) {
                  update.setObject(1, article.storyId());
                  update.setArray(2, termArray(connection, article.storyTerms()));
                  update.setArray(3, weightArray(connection, article.storyWeights()));
                  update.setObject(4, article.id());
                  update.addBatch();
                }
                update.executeBatch();
              }
            });
  }

  static Array termArray(Connection connection, List<String> terms) throws SQLException {
    return terms == null ? null : connection.createArrayOf("text", terms.toArray());
  }

  static Array weightArray(Connection connection, float[] weights) throws SQLException {
    if (weights == null) {
      return null;
    }
    Float[] boxed = new Float[weights.length];
    for (int i = 0; i < weights.length; i++) {
      boxed[i] = weights[i];
    }
    return connection.createArrayOf("real", boxed);
  }

  private Session session() {
    return entityManager.unwrap(Session.class);
  }
}
