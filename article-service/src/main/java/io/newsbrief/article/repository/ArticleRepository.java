package io.newsbrief.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The SQL over articles: inserts with dedupe, lists, full-text search. Feeds have their own {@link
 * FeedRepository}, stories their {@link StoryIndexRepository}, the brief-request outbox its {@link
 * BriefRequestOutbox}.
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

  private static final String INSERT_COLUMNS =
      "INSERT INTO article (id, url, canonical_url, title, byline, source_name, language,"
          + " published_at, fetched_at, text, content_sha256, word_count, story_id,"
          + " story_terms, story_weights) VALUES ";
  private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Inserts the articles whose canonical URL is not stored yet, in one statement; safe under
   * concurrent duplicates (the unique constraint decides, nothing fails). Each new article also
   * gets its outbox row ({@link BriefRequestOutbox}), in the same transaction.
   *
   * @return for every canonical URL of {@code articles}: the id stored under it, new or old
   */
  public Insertion insertNew(List<NewArticle> articles) {
    if (articles.isEmpty()) {
      return new Insertion(Map.of(), Set.of());
    }
    return session().doReturningWork(connection -> insertNew(connection, articles));
  }

  private static Insertion insertNew(Connection connection, List<NewArticle> unordered)
      throws SQLException {
    // Rows in canonical-URL order: concurrent inserts then wait for each other's URLs in one order,
    // never in a cycle (a deadlock), whatever their batches share.
    List<NewArticle> articles =
        unordered.stream().sorted(Comparator.comparing(NewArticle::canonicalUrl)).toList();
    String sql =
        INSERT_COLUMNS
            + String.join(", ", java.util.Collections.nCopies(articles.size(), INSERT_ROW))
            + " ON CONFLICT (canonical_url) DO NOTHING RETURNING id, canonical_url";
    Map<String, UUID> idsByCanonicalUrl = new HashMap<>();
    Set<UUID> inserted = new HashSet<>();
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int p = 0;
      for (NewArticle article : articles) {
        insert.setObject(++p, article.id());
        insert.setString(++p, article.url());
        insert.setString(++p, article.canonicalUrl());
        insert.setString(++p, article.title());
        insert.setString(++p, article.byline());
        insert.setString(++p, article.sourceName());
        insert.setString(++p, article.language());
        insert.setTimestamp(++p, Timestamp.from(article.publishedAt()));
        insert.setTimestamp(++p, Timestamp.from(article.fetchedAt()));
        insert.setString(++p, article.text());
        insert.setString(++p, article.contentSha256());
        insert.setInt(++p, article.wordCount());
        insert.setObject(++p, article.storyId());
        insert.setArray(++p, StoryIndexRepository.termArray(connection, article.storyTerms()));
        insert.setArray(++p, StoryIndexRepository.weightArray(connection, article.storyWeights()));
      }
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          UUID id = rows.getObject(1, UUID.class);
          inserted.add(id);
          idsByCanonicalUrl.put(rows.getString(2), id);
        }
      }
    }
    List<String> existing =
        articles.stream()
            .map(NewArticle::canonicalUrl)
            .filter(url -> !idsByCanonicalUrl.containsKey(url))
            .distinct()
            .toList();
    if (!existing.isEmpty()) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT id, canonical_url FROM article WHERE canonical_url = ANY (?)")) {
        Array urls = connection.createArrayOf("text", existing.toArray());
        select.setArray(1, urls);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            idsByCanonicalUrl.put(rows.getString(2), rows.getObject(1, UUID.class));
          }
        }
      }
    }
    if (!inserted.isEmpty()) {
      try (PreparedStatement outbox =
          connection.prepareStatement(
              "INSERT INTO brief_request (article_id, run_after) SELECT unnest(?), now()")) {
        outbox.setArray(1, connection.createArrayOf("uuid", inserted.toArray()));
        outbox.executeUpdate();
      }
    }
    return new Insertion(idsByCanonicalUrl, inserted);
  }

  /** The ids of stored articles by canonical URL, for the URLs that are stored. */
  public Map<String, UUID> idsByCanonicalUrl(Collection<String> canonicalUrls) {
    return idsBy("canonical_url", canonicalUrls);
  }

  /** The ids of stored articles by content hash, for the hashes that are stored. */
  public Map<String, UUID> idsByContentHash(Collection<String> contentHashes) {
    return idsBy("content_sha256", contentHashes);
  }

  private Map<String, UUID> idsBy(String column, Collection<String> values) {
    if (values.isEmpty()) {
      return Map.of();
    }
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT " + column + ", id FROM article WHERE " + column + " = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", values.toArray()));
                Map<String, UUID> ids = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    ids.putIfAbsent(rows.getString(1).strip(), rows.getObject(2, UUID.class));
                  }
                }
                return ids;
              }
            });
  }

  /** Articles by id, in the order of {@code ids}; unknown ids are skipped. */
  public List<Article> findInOrder(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    // Plain JDBC, not an entity query: summary-service reads every new article's text this way,
    // and an "in" list of each size was its own query to interpret.
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT " + NewArticle.COLUMNS + " FROM article WHERE id = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                Map<UUID, Article> byId = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    Article article = NewArticle.read(rows).toArticle();
                    byId.put(article.id, article);
                  }
                }
                return ids.stream().map(byId::get).filter(Objects::nonNull).distinct().toList();
              }
            });
  }

  /**
   * One page of articles, newest first, after the keyset position {@code after} (exclusive).
   * Fetches {@code limit} rows; a caller wanting to know whether more exist asks for one extra.
   */
  public List<Article> listPage(ArticleFilter filter, ListPosition after, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    if (!filter.sourceName().isEmpty()) {
      query.append(" and sourceName = :sourceName");
      parameters.and("sourceName", filter.sourceName());
    }
    if (!filter.language().isEmpty()) {
      query.append(" and language = :language");
      parameters.and("language", filter.language());
    }
    if (filter.publishedAfter() != null) {
      query.append(" and publishedAt >= :publishedAfter");
      parameters.and("publishedAfter", filter.publishedAfter());
    }
    if (filter.publishedBefore() != null) {
      query.append(" and publishedAt < :publishedBefore");
      parameters.and("publishedBefore", filter.publishedBefore());
    }
    if (after != null) {
      query.append(" and (publishedAt, id) < (:afterPublishedAt, :afterId)");
      parameters.and("afterPublishedAt", after.publishedAt()).and("afterId", after.id());
    }
    query.append(" order by publishedAt desc, id desc");
    return find(query.toString(), parameters).page(0, limit).list();
  }

  /**
   * Full-text matches for a web-search-syntax query, best first, after the keyset position {@code
   * after} (exclusive).
   */
  public List<SearchMatch> searchPage(
      String query, ArticleFilter filter, SearchPosition after, int limit) {
    StringBuilder ranked =
        new StringBuilder(
            "SELECT a.id, ts_rank_cd(a.search_vector, q.query) AS score, q.query"
                + " FROM article a, websearch_to_tsquery('english', ?) AS q(query)"
                + " WHERE a.search_vector @@ q.query");
    List<Object> parameters = new ArrayList<>(List.of(query));
    if (!filter.sourceName().isEmpty()) {
      ranked.append(" AND a.source_name = ?");
      parameters.add(filter.sourceName());
    }
    if (!filter.language().isEmpty()) {
      ranked.append(" AND a.language = ?");
      parameters.add(filter.language());
    }
    String keyset = "";
    if (after != null) {
      keyset = " WHERE (r.score, r.id) < (CAST(? AS real), ?)";
      parameters.add(after.score());
      parameters.add(after.id());
    }
    // The headline is computed in the outer query, so only for the rows of the page.
    String sql =
        "SELECT r.id, r.score, ts_headline('english', left(a.text, 20000), r.query,"
            + " 'MaxFragments=1, MaxWords=35, MinWords=15, StartSel=\"\", StopSel=\"\"')"
            + " FROM (SELECT * FROM ("
            + ranked
            + ") AS r"
            + keyset
            + " ORDER BY r.score DESC, r.id DESC LIMIT ?) AS r JOIN article a ON a.id = r.id"
            + " ORDER BY r.score DESC, r.id DESC";
    parameters.add(limit);
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                  statement.setObject(i + 1, parameters.get(i));
                }
                List<SearchMatch> matches = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                  while (rows.next()) {
                    matches.add(
                        new SearchMatch(
                            rows.getObject(1, UUID.class), rows.getFloat(2), rows.getString(3)));
                  }
                }
                return matches;
              }
            });
  }

  private Session session() {
    return getEntityManager().unwrap(Session.class);
  }

  /** What {@link #insertNew} did: the id under each canonical URL, and which ids are new. */
  public record Insertion(Map<String, UUID> idsByCanonicalUrl, Set<UUID> insertedIds) {}

  /** Equality and range filters of list and search; empty strings and nulls match all. */
  public record ArticleFilter(
      String sourceName, String language, Instant publishedAfter, Instant publishedBefore) {}

  /** A keyset position in a list: the last row of the previous page. */
  public record ListPosition(Instant publishedAt, UUID id) {}

  /** A keyset position in search results: the last hit of the previous page. */
  public record SearchPosition(float score, UUID id) {}

  /** A search hit: which article, how well it matched, and an excerpt with the matches. */
  public record SearchMatch(UUID articleId, float score, String snippet) {}
}
