package io.newsbrief.summary.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Stories' newest briefs. Callers hold the transaction. */
@ApplicationScoped
public class StoryBriefRepository implements PanacheRepositoryBase<StoryBrief, UUID> {

  private final ObjectMapper json;

  StoryBriefRepository(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Makes {@code brief} its story's brief unless a brief from a later-requested job is stored (two
   * of a story's jobs can overlap when one runs longer than the interval between them).
   */
  public void replace(StoryBrief brief) {
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO story_brief AS s (story_id, job_id, title, language, lead, sections,"
                + " sources, method, fallback_reason, generated_at, faithfulness)"
                + " VALUES (?1, ?2, ?3, ?4, cast(?5 AS jsonb), cast(?6 AS jsonb), cast(?7 AS jsonb), ?8, ?9, ?10, ?11)"
                + " ON CONFLICT (story_id) DO UPDATE SET job_id = EXCLUDED.job_id,"
                + " title = EXCLUDED.title, language = EXCLUDED.language, lead = EXCLUDED.lead,"
                + " sections = EXCLUDED.sections, sources = EXCLUDED.sources,"
                + " method = EXCLUDED.method, fallback_reason = EXCLUDED.fallback_reason,"
                + " generated_at = EXCLUDED.generated_at, faithfulness = EXCLUDED.faithfulness"
                + " WHERE (SELECT created_at FROM brief_job WHERE id = s.job_id)"
                + "    <= (SELECT created_at FROM brief_job WHERE id = EXCLUDED.job_id)")
        .setParameter(1, brief.storyId)
        .setParameter(2, brief.jobId)
        .setParameter(3, brief.title)
        .setParameter(4, brief.language)
        .setParameter(5, write(brief.lead))
        .setParameter(6, write(brief.sections))
        .setParameter(7, write(brief.sources))
        .setParameter(8, brief.method)
        .setParameter(9, brief.fallbackReason)
        .setParameter(10, brief.generatedAt)
        .setParameter(11, brief.faithfulness)
        .executeUpdate();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a brief's parts always serialize", e);
    }
  }
}
