-- Transactional outbox of story briefs: a row per story with two or more members whose members
-- changed since summary-service last accepted a request for its brief. Written in the transaction
-- that adds or merges members (a repeat while a row waits is a no-op: summary-service reads the
-- members when it makes the brief); deleted only when RequestStoryBrief succeeds.
CREATE TABLE story_brief_request (
    story_id   uuid        PRIMARY KEY,
    attempts   integer     NOT NULL DEFAULT 0,
    run_after  timestamptz NOT NULL,
    last_error text
);

CREATE INDEX story_brief_request_due_idx ON story_brief_request (run_after);
