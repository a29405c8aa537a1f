-- Transactional outbox: a row per stored article whose brief summary-service has not yet
-- accepted. Written in the transaction that stores the article; deleted only when RequestBrief
-- succeeds, so a down summary-service delays briefs but never loses them.
CREATE TABLE brief_request (
    article_id uuid        PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    attempts   integer     NOT NULL DEFAULT 0,
    run_after  timestamptz NOT NULL,
    last_error text
);

CREATE INDEX brief_request_due_idx ON brief_request (run_after);
