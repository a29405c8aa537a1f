-- Story clustering by TF-IDF (story/StoryClustering) replaces the MinHash bands: each article's
-- term vector (terms, heaviest first, and their weights), postings of its most telling terms for
-- finding candidate stories, and the corpus statistics the weights come from. Articles stored
-- before keep their story; they have no vector, so new articles do not meet them.
ALTER TABLE article ADD COLUMN story_terms text[];
ALTER TABLE article ADD COLUMN story_weights real[];

CREATE TABLE story_posting (
    term         text        NOT NULL,
    published_at timestamptz NOT NULL,
    article_id   uuid        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (term, published_at, article_id)
);

-- In how many articles each term occurs, and how many articles there are.
CREATE TABLE story_term (
    term      text   PRIMARY KEY,
    documents bigint NOT NULL
);
CREATE TABLE story_corpus (
    id        smallint PRIMARY KEY CHECK (id = 1),
    documents bigint   NOT NULL
);
INSERT INTO story_corpus (id, documents) VALUES (1, 0);

DROP TABLE story_band;
ALTER TABLE article DROP COLUMN story_signature;
