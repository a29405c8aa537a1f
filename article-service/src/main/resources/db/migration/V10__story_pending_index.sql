-- Imported articles are stored without a story and grouped right after their import commits
-- (story/StoryAssigner): it finds them, the earliest published first, by this index of the
-- articles without a term vector yet — small, since grouping empties it within seconds.
CREATE INDEX article_story_pending_idx ON article (published_at, id) WHERE story_terms IS NULL;

-- Each replica keeps its clustering between batches and trusts it while story_corpus counts exactly
-- the documents it has counted. Deleting articles (by hand: the service deletes none) changes the
-- members without that count, so every delete or truncate bumps a generation it also compares.
ALTER TABLE story_corpus ADD COLUMN deletions bigint NOT NULL DEFAULT 0;

CREATE FUNCTION article_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE story_corpus SET deletions = deletions + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER article_deleted AFTER DELETE OR TRUNCATE ON article
    FOR EACH STATEMENT EXECUTE FUNCTION article_deleted();
