package io.newsbrief.article.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The story rows the API reads, kept in step with the articles' story ids: refreshed when members
 * join, merged stories turned into aliases of the survivor.
 */
@ApplicationScoped
public class StoryRepository {

  private static final String COLUMNS =
      "s.id, s.headline, s.language, s.first_published, s.last_published, s.updated_at,"
          + " s.articles, s.sources";

  /** The source a member counts as: its source name, or its site when it has none. */
  private static final String SOURCE =
      "coalesce(nullif(a.source_name, ''), substring(a.canonical_url FROM '://([^/:?#]+)'))";

  private final EntityManager entityManager;

  StoryRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Equality filters of a story list; empty strings and a null time mean "any". */
  public record StoryFilter(String language, String query, Instant updatedSince) {}

  /** Where a page of stories resumes: after this row in (updated_at, id) descending order. */
  public record StoryPosition(Instant updatedAt, UUID id) {}

  /**
   * Moves the members of each merged story (key) to its survivor (value) and leaves the merged id
   * answering as an alias of the survivor, also where it was itself the target of earlier aliases.
   */
  public void merge(Map<UUID, UUID> survivorByMerged) {
    if (survivorByMerged.isEmpty()) {
      return;
    }
    List<UUID> merged = List.copyOf(survivorByMerged.keySet());
    List<UUID> survivors = merged.stream().map(survivorByMerged::get).toList();
    session()
        .doWork(
            connection -> {
              for (String sql :
                  List.of(
                      "UPDATE article SET story_id = m.survivor FROM unnest(?::uuid[], ?::uuid[])"
                          + " AS m(merged, survivor) WHERE article.story_id = m.merged",
                      "UPDATE story_alias SET story_id = m.survivor FROM unnest(?::uuid[],"
                          + " ?::uuid[]) AS m(merged, survivor)"
                          + " WHERE story_alias.story_id = m.merged",
                      "INSERT INTO story_alias (alias, story_id) SELECT * FROM unnest(?::uuid[],"
                          + " ?::uuid[]) ON CONFLICT (alias) DO UPDATE"
                          + " SET story_id = EXCLUDED.story_id")) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                  statement.setArray(1, uuids(connection, merged));
                  statement.setArray(2, uuids(connection, survivors));
                  statement.executeUpdate();
                }
              }
              try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM story WHERE id = ANY (?)")) {
                delete.setArray(1, uuids(connection, merged));
                delete.executeUpdate();
              }
            });
  }

  /**
   * Recomputes the rows of the given stories from their members, each headed by the title of the
   * article given for it (its most central member) or, when that is not a member, its first one; a
   * story left without members is removed.
   *
   * @return the refreshed rows
   */
  public List<Story> refresh(Map<UUID, UUID> headlineArticleByStory) {
    if (headlineArticleByStory.isEmpty()) {
      return List.of();
    }
    List<UUID> stories = List.copyOf(headlineArticleByStory.keySet());
    List<UUID> headlines = stories.stream().map(headlineArticleByStory::get).toList();
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement delete =
                  connection.prepareStatement(
                      "DELETE FROM story s WHERE s.id = ANY (?)"
                          + " AND NOT EXISTS (SELECT 1 FROM article a WHERE a.story_id = s.id)")) {
                delete.setArray(1, uuids(connection, stories));
                delete.executeUpdate();
              }
              try (PreparedStatement upsert =
                  connection.prepareStatement(
                      "INSERT INTO story AS s (id, headline, language, first_published,"
                          + " last_published, updated_at, articles, sources)"
                          + " SELECT t.story_id,"
                          + " coalesce(max(a.title) FILTER (WHERE a.id = t.headline_id),"
                          + " (array_agg(a.title ORDER BY a.published_at, a.id))[1]),"
                          + " mode() WITHIN GROUP (ORDER BY a.language),"
                          + " min(a.published_at), max(a.published_at), clock_timestamp(),"
                          + " count(*), count(DISTINCT "
                          + SOURCE
                          + ") FROM unnest(?::uuid[], ?::uuid[]) AS t(story_id, headline_id)"
                          + " JOIN article a ON a.story_id = t.story_id"
                          + " GROUP BY t.story_id, t.headline_id"
                          + " ON CONFLICT (id) DO UPDATE SET headline = EXCLUDED.headline,"
                          + " language = EXCLUDED.language,"
                          + " first_published = EXCLUDED.first_published,"
                          + " last_published = EXCLUDED.last_published,"
                          + " updated_at = EXCLUDED.updated_at, articles = EXCLUDED.articles,"
                          + " sources = EXCLUDED.sources RETURNING "
                          + COLUMNS)) {
                upsert.setArray(1, uuids(connection, stories));
                upsert.setArray(2, uuids(connection, headlines));
                return stories(upsert);
              }
            });
  }

  /** The story {@code id}, or the story it was merged into; empty when there is neither. */
  public Optional<Story> find(UUID id) {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM story s WHERE s.id = coalesce("
                          + "(SELECT story_id FROM story_alias WHERE alias = ?), ?)")) {
                select.setObject(1, id);
                select.setObject(2, id);
                return stories(select).stream().findFirst();
              }
            });
  }

  /** A story's members, the earliest published first, at most {@code limit}. */
  public List<StoryMember> members(UUID storyId, int limit) {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT a.id, "
                          + SOURCE
                          + ", a.title, a.canonical_url, a.published_at FROM article a"
                          + " WHERE a.story_id = ? ORDER BY a.published_at, a.id LIMIT ?")) {
                select.setObject(1, storyId);
                select.setInt(2, limit);
                List<StoryMember> members = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    members.add(
                        new StoryMember(
                            rows.getObject(1, UUID.class),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getTimestamp(5).toInstant()));
                  }
                }
                return members;
              }
            });
  }

  /**
   * One page of stories, most recently updated first, after {@code after} (exclusive). A query
   * keeps the stories with a member matching it (web-search syntax).
   */
  public List<Story> listPage(StoryFilter filter, StoryPosition after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM story s WHERE true");
    List<Object> parameters = new ArrayList<>();
    if (!filter.language().isEmpty()) {
      sql.append(" AND s.language = ?");
      parameters.add(filter.language());
    }
    if (filter.updatedSince() != null) {
      sql.append(" AND s.updated_at >= ?");
      parameters.add(Timestamp.from(filter.updatedSince()));
    }
    if (!filter.query().isEmpty()) {
      sql.append(
          " AND s.id IN (SELECT a.story_id FROM article a"
              + " WHERE a.search_vector @@ websearch_to_tsquery('english', ?))");
      parameters.add(filter.query());
    }
    if (after != null) {
      sql.append(" AND (s.updated_at, s.id) < (?, ?)");
      parameters.add(Timestamp.from(after.updatedAt()));
      parameters.add(after.id());
    }
    sql.append(" ORDER BY s.updated_at DESC, s.id DESC LIMIT ?");
    parameters.add(limit);
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                  select.setObject(i + 1, parameters.get(i));
                }
                return stories(select);
              }
            });
  }

  private static List<Story> stories(PreparedStatement statement) throws SQLException {
    List<Story> stories = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        stories.add(
            new Story(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                rows.getString(3),
                rows.getTimestamp(4).toInstant(),
                rows.getTimestamp(5).toInstant(),
                rows.getTimestamp(6).toInstant(),
                rows.getInt(7),
                rows.getInt(8)));
      }
    }
    return stories;
  }

  private static java.sql.Array uuids(Connection connection, Collection<UUID> ids)
      throws SQLException {
    return connection.createArrayOf("uuid", ids.toArray());
  }

  private Session session() {
    return entityManager.unwrap(Session.class);
  }
}
