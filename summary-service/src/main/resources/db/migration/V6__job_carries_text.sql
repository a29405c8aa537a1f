-- The article's text as it was when the brief was requested (it matches content_sha256), so a
-- worker summarizes without fetching it again; cleared once the job ends. Null for story jobs and
-- for jobs queued before this column: their worker fetches the text.
ALTER TABLE brief_job ADD COLUMN text text;
