-- The search vector was a generated column, and PostgreSQL recomputes a stored generated column on
-- every UPDATE of its row: each story merge or re-grouping (UPDATE article SET story_id …) parsed
-- the whole text again. A trigger computes it when the row is written and when title or text
-- change, and never otherwise; same expression as before (V1).
ALTER TABLE article ALTER COLUMN search_vector DROP EXPRESSION;

CREATE FUNCTION article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', NEW.title), 'A') ||
        setweight(to_tsvector('english', left(NEW.text, 100000)), 'B');
    RETURN NEW;
END
$$;

CREATE TRIGGER article_search_vector BEFORE INSERT OR UPDATE OF title, text ON article
    FOR EACH ROW EXECUTE FUNCTION article_search_vector();
