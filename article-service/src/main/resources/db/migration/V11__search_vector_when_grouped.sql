-- An imported article is stored without a story and grouped moments later (story/StoryAssigner),
-- and grouping rewrites its row: every index, the text search one included, gets the new version.
-- Computing the search vector on the insert too parsed each text once and indexed it twice, on
-- the import's critical path. Now the vector is computed once, when the row has its story (at
-- once for a single create, when grouped for an import), and again only when title or text change.
CREATE OR REPLACE FUNCTION article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.story_id IS NULL THEN
        NEW.search_vector := NULL;
    ELSIF TG_OP = 'INSERT'
            OR OLD.search_vector IS NULL
            OR NEW.title IS DISTINCT FROM OLD.title
            OR NEW.text IS DISTINCT FROM OLD.text THEN
        NEW.search_vector :=
            setweight(to_tsvector('english', NEW.title), 'A') ||
            setweight(to_tsvector('english', left(NEW.text, 100000)), 'B');
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER article_search_vector ON article;
CREATE TRIGGER article_search_vector BEFORE INSERT OR UPDATE OF title, text, story_id ON article
    FOR EACH ROW EXECUTE FUNCTION article_search_vector();
