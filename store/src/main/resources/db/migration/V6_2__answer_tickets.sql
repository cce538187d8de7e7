-- The channel and category of the ticket behind a detractor's comment, so that the report can
-- filter comments by them: survey answers live in the store, tickets only in the warehouse.
-- Written by analyze for the commented detractor answers of the weeks it computes (their
-- ticket as the NPS breakdowns join it, docs/kpis.md#nps-breakdowns-and-frt-buckets); an
-- answer given after the last analyze run has no row yet.
CREATE TABLE answer_tickets (
    response_id BIGINT       NOT NULL PRIMARY KEY REFERENCES survey_responses (id) ON DELETE CASCADE,
    channel     VARCHAR(32),
    category    VARCHAR(255),
    run_id      BIGINT REFERENCES runs (id)
);
