-- How well its sources support each brief (SourceSupport, 0..1); null for briefs made before.
ALTER TABLE brief ADD COLUMN faithfulness real CHECK (faithfulness BETWEEN 0 AND 1);
ALTER TABLE story_brief ADD COLUMN faithfulness real CHECK (faithfulness BETWEEN 0 AND 1);
