-- Incremental analyze (issue 16): what each succeeded analyze run computed from, so that the
-- next run can recompute only the weeks whose inputs changed since (docs/kpis.md#incremental-runs).
--
-- mode: 'full' (every week), 'incremental' (the weeks touched since the previous full or
-- incremental run) or 'range' (--from/--to, weeks week_from..week_to; either end open).
-- config_hash: SHA-256 of the KPI-relevant configuration (business time zone, hours and
-- holidays, FRT targets, repeat-contact window, and the version of the KPI definitions); a run
-- with another hash recomputes everything. cut_off: the run's cut-off (incomplete flags).
-- tickets_version / tickets_run_id: the warehouse tickets version the run read and the ingest
-- run that recorded it (null when no run did, e.g. a warehouse written before run_versions).
-- answers_* / invitations_*: the highest id and the number of rows of survey_responses and
-- survey_invitations the run read; answers and invitations are only ever inserted, so the rows
-- above the id are the new ones, and a different count at or below it means rows were removed
-- or committed late (the next run is then full).
CREATE TABLE analyze_runs (
    run_id             BIGINT      NOT NULL PRIMARY KEY REFERENCES runs (id),
    mode               VARCHAR(16) NOT NULL,
    config_hash        VARCHAR(64) NOT NULL,
    cut_off            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    tickets_version    VARCHAR(32),
    tickets_run_id     BIGINT,
    answers_max_id     BIGINT,
    answers_count      BIGINT      NOT NULL,
    invitations_max_id BIGINT,
    invitations_count  BIGINT      NOT NULL,
    week_from          VARCHAR(8),
    week_to            VARCHAR(8),
    CONSTRAINT analyze_runs_mode_known CHECK (mode IN ('full', 'incremental', 'range'))
);
