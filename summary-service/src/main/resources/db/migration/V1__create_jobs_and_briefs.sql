-- One job per (article, requested method, article content): the idempotency key of RequestBrief.
CREATE TABLE brief_job (
    id             uuid        PRIMARY KEY,
    article_id     uuid        NOT NULL,
    method         text        NOT NULL,
    content_sha256 text        NOT NULL,
    state          text        NOT NULL CHECK (state IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts       integer     NOT NULL DEFAULT 0,
    run_after      timestamptz NOT NULL,
    lease_owner    text,
    lease_until    timestamptz,
    failure_reason text,
    -- The article as it was when the brief was requested: what the brief's header shows.
    title          text        NOT NULL,
    source_url     text        NOT NULL,
    source_name    text        NOT NULL,
    language       text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT brief_job_request_key UNIQUE (article_id, method, content_sha256)
);

-- Claiming: due pending jobs, and running jobs whose lease has expired.
CREATE INDEX brief_job_pending_idx ON brief_job (run_after) WHERE state = 'PENDING';
CREATE INDEX brief_job_running_idx ON brief_job (lease_until) WHERE state = 'RUNNING';
CREATE INDEX brief_job_article_idx ON brief_job (article_id, created_at DESC);

-- At most one brief per job (the primary key), written in the transaction that marks it DONE.
CREATE TABLE brief (
    job_id          uuid        PRIMARY KEY REFERENCES brief_job (id),
    article_id      uuid        NOT NULL,
    title           text        NOT NULL,
    source_url      text        NOT NULL,
    source_name     text        NOT NULL,
    language        text        NOT NULL,
    lead            text        NOT NULL,
    sections        jsonb       NOT NULL,
    method          text        NOT NULL,
    fallback_reason text,
    generated_at    timestamptz NOT NULL
);

CREATE INDEX brief_generated_idx ON brief (generated_at DESC, job_id DESC);
CREATE INDEX brief_source_generated_idx ON brief (source_name, generated_at DESC, job_id DESC);
CREATE INDEX brief_language_generated_idx ON brief (language, generated_at DESC, job_id DESC);
CREATE INDEX brief_article_idx ON brief (article_id);
