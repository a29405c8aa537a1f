-- Stories as the API serves them, one row per story, refreshed in the transaction that adds or
-- merges members: the headline (its most central member's title), language, when its members were
-- published, when it last changed, how many articles and distinct sources it has.
CREATE TABLE story (
    id              uuid        PRIMARY KEY,
    headline        text        NOT NULL,
    language        text        NOT NULL,
    first_published timestamptz NOT NULL,
    last_published  timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    articles        integer     NOT NULL,
    sources         integer     NOT NULL
);

-- Keyset pagination, most recently updated first, with and without the language filter.
CREATE INDEX story_updated_idx ON story (updated_at DESC, id DESC);
CREATE INDEX story_language_updated_idx ON story (language, updated_at DESC, id DESC);

-- The ids of stories merged into another: a merged id keeps answering with the survivor.
CREATE TABLE story_alias (
    alias    uuid PRIMARY KEY,
    story_id uuid NOT NULL
);
CREATE INDEX story_alias_story_idx ON story_alias (story_id);

-- The stories of articles stored before: headed by their first member until backfilled.
INSERT INTO story (id, headline, language, first_published, last_published, updated_at, articles,
                   sources)
SELECT story_id,
       (array_agg(title ORDER BY published_at, id))[1],
       mode() WITHIN GROUP (ORDER BY language),
       min(published_at),
       max(published_at),
       max(fetched_at),
       count(*),
       count(DISTINCT coalesce(nullif(source_name, ''),
                               substring(canonical_url FROM '://([^/:?#]+)')))
FROM article
WHERE story_id IS NOT NULL
GROUP BY story_id;
