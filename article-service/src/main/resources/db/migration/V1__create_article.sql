-- Articles, stored once per canonical URL.
CREATE TABLE article (
    id             uuid        PRIMARY KEY,
    url            text        NOT NULL,
    canonical_url  text        NOT NULL,
    title          text        NOT NULL,
    byline         text        NOT NULL DEFAULT '',
    source_name    text        NOT NULL DEFAULT '',
    language       text        NOT NULL,
    published_at   timestamptz NOT NULL,
    fetched_at     timestamptz NOT NULL,
    text           text        NOT NULL,
    content_sha256 char(64)    NOT NULL,
    word_count     integer     NOT NULL,
    story_id       uuid,
    -- Title weighs more than body. The body is cut at 100k characters because a tsvector
    -- may not exceed 1 MB, and the leading part of a news text carries its matchable words.
    search_vector  tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', left(text, 100000)), 'B')
    ) STORED,
    CONSTRAINT article_canonical_url_key UNIQUE (canonical_url)
);

-- Keyset pagination, newest first, with and without the equality filters.
CREATE INDEX article_published_idx ON article (published_at DESC, id DESC);
CREATE INDEX article_source_published_idx ON article (source_name, published_at DESC, id DESC);
CREATE INDEX article_language_published_idx ON article (language, published_at DESC, id DESC);

CREATE INDEX article_search_idx ON article USING gin (search_vector);
CREATE INDEX article_content_sha256_idx ON article (content_sha256);
CREATE INDEX article_story_idx ON article (story_id) WHERE story_id IS NOT NULL;
