-- Entries a feed stopped listing are pruned by age (FeedEntryPruner).
CREATE INDEX feed_entry_seen_idx ON feed_entry (seen_at);
