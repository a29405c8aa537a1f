package io.newsbrief.summary.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.Flow.Processor;

/**
 * Articles whose job this replica's workers just moved on, so local watchers look at once instead
 * of at their next poll. Watchers still poll: jobs done by other replicas are not announced here.
 */
@ApplicationScoped
public class JobEvents {

  private final Processor<UUID, UUID> changed = BroadcastProcessor.<UUID>create().serialized();

  void changed(UUID articleId) {
    changed.onNext(articleId);
  }

  Multi<UUID> changes(UUID articleId) {
    return Multi.createFrom().publisher(changed).filter(articleId::equals).onOverflow().drop();
  }
}
