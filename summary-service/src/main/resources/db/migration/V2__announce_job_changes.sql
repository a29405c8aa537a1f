-- Every change of a job's state is announced on channel brief_changed (payload: the article id).
-- NOTIFY is transactional: listeners hear a change exactly when it commits, never one that rolled
-- back, and a crash between the commit and the announcement cannot happen.
CREATE FUNCTION announce_brief_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('brief_changed', NEW.article_id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER brief_job_state_changed
    AFTER INSERT OR UPDATE OF state ON brief_job
    FOR EACH ROW EXECUTE FUNCTION announce_brief_change();
