-- Story grouping: each article's MinHash signature over shingles of its title and lead, and the
-- LSH band keys of that signature. Articles sharing a band are candidates for the same story;
-- the signatures decide.
ALTER TABLE article ADD COLUMN story_signature integer[];

CREATE TABLE story_band (
    band       bigint      NOT NULL,
    article_id uuid        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
);
