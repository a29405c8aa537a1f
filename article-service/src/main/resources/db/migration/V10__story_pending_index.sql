-- Imported articles are stored without a story and grouped right after their import commits
-- (story/StoryAssigner): it finds them, the earliest published first, by this index of the
-- articles without a term vector yet — small, since grouping empties it within seconds.
CREATE INDEX article_story_pending_idx ON article (published_at, id) WHERE story_terms IS NULL;
