-- The feed's change log for syncing apps: one row per article, its latest change (a brief written,
-- or its briefs withdrawn: a tombstone) and the transaction that made it. A sync token is a
-- position in (transaction id, article id) order. Readers hand out only rows of transactions older
-- than every transaction still running (pg_snapshot_xmin), so a change that commits late can never
-- land behind a token already given out — which a sequence or a clock could not promise.
CREATE TABLE brief_change (
    article_id uuid        PRIMARY KEY,
    txid       xid8        NOT NULL,
    removed    boolean     NOT NULL,
    changed_at timestamptz NOT NULL
);

CREATE INDEX brief_change_position_idx ON brief_change (txid, article_id);
CREATE INDEX brief_change_tombstone_idx ON brief_change (changed_at) WHERE removed;

-- Tokens below this transaction id are too old: tombstones they would need were purged.
CREATE TABLE brief_change_horizon (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    txid      xid8    NOT NULL
);

INSERT INTO brief_change_horizon (txid) VALUES ('0');

CREATE FUNCTION record_brief_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid := CASE TG_OP WHEN 'DELETE' THEN OLD.article_id ELSE NEW.article_id END;
BEGIN
    -- AFTER triggers see the whole statement's effect: removed only once no brief is left.
    INSERT INTO brief_change (article_id, txid, removed, changed_at)
    VALUES (changed, pg_current_xact_id(),
            NOT EXISTS (SELECT 1 FROM brief WHERE article_id = changed), clock_timestamp())
    ON CONFLICT (article_id) DO UPDATE
        SET txid = EXCLUDED.txid, removed = EXCLUDED.removed, changed_at = EXCLUDED.changed_at;
    RETURN NULL;
END
$$;

CREATE TRIGGER brief_changed
    AFTER INSERT OR DELETE ON brief
    FOR EACH ROW EXECUTE FUNCTION record_brief_change();

INSERT INTO brief_change (article_id, txid, removed, changed_at)
SELECT DISTINCT article_id, pg_current_xact_id(), false, clock_timestamp() FROM brief;

-- A withdrawn article's jobs are deleted: announce that too, so caches drop its brief.
CREATE FUNCTION announce_brief_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('brief_changed', OLD.article_id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER brief_job_deleted
    AFTER DELETE ON brief_job
    FOR EACH ROW EXECUTE FUNCTION announce_brief_removal();
