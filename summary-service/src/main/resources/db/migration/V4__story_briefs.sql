-- Story briefs share the job queue with article briefs: a job is for an article or for a story.
-- A story job has no content hash or header of its own: it reads the story's members when it runs.
ALTER TABLE brief_job
    ALTER COLUMN article_id DROP NOT NULL,
    ALTER COLUMN content_sha256 DROP NOT NULL,
    ALTER COLUMN title DROP NOT NULL,
    ALTER COLUMN source_url DROP NOT NULL,
    ALTER COLUMN source_name DROP NOT NULL,
    ALTER COLUMN language DROP NOT NULL,
    ADD COLUMN story_id uuid,
    ADD CONSTRAINT brief_job_subject CHECK ((article_id IS NULL) <> (story_id IS NULL));

CREATE INDEX brief_job_story_idx ON brief_job (story_id, created_at DESC) WHERE story_id IS NOT NULL;

-- Only article jobs are announced on brief_changed: its listeners follow article briefs.
CREATE OR REPLACE FUNCTION announce_brief_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.article_id IS NOT NULL THEN
        PERFORM pg_notify('brief_changed', NEW.article_id::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION announce_brief_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.article_id IS NOT NULL THEN
        PERFORM pg_notify('brief_changed', OLD.article_id::text);
    END IF;
    RETURN NULL;
END
$$;

-- A story's newest brief, replaced in the transaction that marks its job DONE. Sentences carry
-- the indexes of the sources (members) that tell them.
CREATE TABLE story_brief (
    story_id        uuid        PRIMARY KEY,
    job_id          uuid        NOT NULL REFERENCES brief_job (id) ON DELETE CASCADE,
    title           text        NOT NULL,
    language        text        NOT NULL,
    lead            jsonb       NOT NULL,
    sections        jsonb       NOT NULL,
    sources         jsonb       NOT NULL,
    method          text        NOT NULL,
    fallback_reason text,
    generated_at    timestamptz NOT NULL
);
