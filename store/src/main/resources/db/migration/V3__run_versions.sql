-- One commit point per run (hardening: "a killed analyze leaves two truths").
--
-- The warehouse version of each table that a run committed. A run writes its new Parquet
-- versions first and records them here in the same store transaction that marks it succeeded
-- (for analyze, the one that also publishes its KPIs), so that commit is the run's only commit
-- point. Readers of the warehouse (cskpi sql, analyze, ingest, invite) read the version that the
-- latest succeeded run recorded; a version a killed run wrote but never recorded is never read.
-- A table no run has recorded (a warehouse written before this migration) keeps the old rule:
-- its highest version with Spark's _SUCCESS marker.
CREATE TABLE run_versions (
    run_id     BIGINT      NOT NULL REFERENCES runs (id),
    table_name VARCHAR(64) NOT NULL,
    version    VARCHAR(32) NOT NULL,
    PRIMARY KEY (run_id, table_name)
);
CREATE INDEX run_versions_by_table ON run_versions (table_name, run_id);

-- The process that runs a run, so that a later command can tell a killed run (still
-- 'running', its process gone) from a live one and mark it 'abandoned'. The process start
-- time tells a reused pid from the run's own process. Null for runs from before this migration.
ALTER TABLE runs ADD COLUMN host VARCHAR(255);
ALTER TABLE runs ADD COLUMN pid BIGINT;
ALTER TABLE runs ADD COLUMN process_started_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE runs DROP CONSTRAINT runs_status_known;
ALTER TABLE runs ADD CONSTRAINT runs_status_known
    CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned'));
