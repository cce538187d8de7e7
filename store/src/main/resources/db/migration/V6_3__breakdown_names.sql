-- Display names of breakdown values that are ids: an agent's name for the agent_id its KPI rows
-- are keyed by (Zendesk's assignee id). Written by ingest from the export's users pages, read
-- by reports, which fall back to the id where no name is known. KPI rows stay keyed by id, so
-- a renamed agent keeps one history.
CREATE TABLE breakdown_names (
    breakdown       VARCHAR(16)  NOT NULL,
    breakdown_value VARCHAR(255) NOT NULL,
    name            VARCHAR(255) NOT NULL,
    run_id          BIGINT REFERENCES runs (id),
    PRIMARY KEY (breakdown, breakdown_value),
    CONSTRAINT breakdown_names_breakdown CHECK (breakdown IN ('agent', 'team'))
);
