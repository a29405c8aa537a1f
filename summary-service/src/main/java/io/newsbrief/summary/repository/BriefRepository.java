package io.newsbrief.summary.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

@ApplicationScoped
public class BriefRepository implements PanacheRepositoryBase<Brief, UUID> {

  /** Briefs newest first after the keyset position {@code after} (exclusive). */
  public List<Brief> listPage(BriefFilter filter, FeedPosition after, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    if (!filter.sourceName().isEmpty()) {
      query.append(" and header.sourceName = :sourceName");
      parameters.and("sourceName", filter.sourceName());
    }
    if (!filter.language().isEmpty()) {
      query.append(" and header.language = :language");
      parameters.and("language", filter.language());
    }
    if (!filter.articleIds().isEmpty()) {
      query.append(" and articleId in :articleIds");
      parameters.and("articleIds", filter.articleIds());
    }
    if (after != null) {
      query.append(" and (generatedAt, jobId) < (:afterGeneratedAt, :afterJobId)");
      parameters.and("afterGeneratedAt", after.generatedAt()).and("afterJobId", after.jobId());
    }
    query.append(" order by generatedAt desc, jobId desc");
    return find(query.toString(), parameters).page(0, limit).list();
  }

  /** Each article's newest brief, for those of {@code articleIds} that have one. */
  public Map<UUID, Brief> newestOf(List<UUID> articleIds) {
    if (articleIds.isEmpty()) {
      return Map.of();
    }
    return list("articleId in ?1", articleIds).stream()
        .collect(
            Collectors.toMap(
                brief -> brief.articleId,
                brief -> brief,
                BinaryOperator.maxBy(
                    Comparator.comparing((Brief brief) -> brief.generatedAt)
                        .thenComparing(brief -> brief.jobId))));
  }

  /** Removes every brief of the article; returns how many. */
  public long deleteOf(UUID articleId) {
    return delete("articleId", articleId);
  }

  /** Equality filters of the feed; empty matches all. */
  public record BriefFilter(String sourceName, String language, List<UUID> articleIds) {}

  /** The last brief of the previous page. */
  public record FeedPosition(Instant generatedAt, UUID jobId) {}
}
