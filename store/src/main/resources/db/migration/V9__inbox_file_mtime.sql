-- The last-modified time of each inbox file when a run read it, so the next run can skip
-- hashing a file whose name, size and time are unchanged (docs/commands.md#run). Rows from
-- before have none and are hashed once more.
ALTER TABLE inbox_files ADD COLUMN modified_ms BIGINT;
