-- Feeds polled by article-service. A replica polls a feed only while it holds the feed's lease
-- (claimed with FOR UPDATE SKIP LOCKED), so with several replicas each feed is polled by one.
CREATE TABLE feed (
    id                    uuid        PRIMARY KEY,
    url                   text        NOT NULL,
    canonical_url         text        NOT NULL,
    title                 text        NOT NULL DEFAULT '',
    source_name           text        NOT NULL DEFAULT '',
    poll_interval_seconds integer     NOT NULL CHECK (poll_interval_seconds > 0),
    paused                boolean     NOT NULL DEFAULT false,
    created_at            timestamptz NOT NULL,
    next_poll_at          timestamptz NOT NULL,
    lease_until           timestamptz,
    -- Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since.
    etag                  text,
    last_modified         text,
    last_polled_at        timestamptz,
    last_success_at       timestamptz,
    last_error            text        NOT NULL DEFAULT '',
    last_http_status      integer     NOT NULL DEFAULT 0,
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    entries_seen          bigint      NOT NULL DEFAULT 0,
    articles_created      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT feed_canonical_url_key UNIQUE (canonical_url)
);

CREATE INDEX feed_due_idx ON feed (next_poll_at) WHERE NOT paused;
CREATE INDEX feed_created_idx ON feed (created_at, id);

-- Entries a feed's polls have handled, so a poll fetches only the pages of new entries. A
-- 'failed' entry (its page could not be fetched) is tried again by later polls, up to a limit.
-- Removing a feed removes its entries, not its articles.
CREATE TABLE feed_entry (
    feed_id    uuid        NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    entry_key  text        NOT NULL,
    outcome    text        NOT NULL CHECK (outcome IN ('created', 'duplicate', 'rejected', 'failed')),
    article_id uuid,
    attempts   integer     NOT NULL DEFAULT 1,
    detail     text        NOT NULL DEFAULT '',
    seen_at    timestamptz NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);
