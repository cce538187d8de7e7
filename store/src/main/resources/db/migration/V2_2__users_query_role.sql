-- The analysts' /query page (issue 7) is read-only by construction: it connects as
-- CSKPI_QUERY, a database user that is not an admin and holds SELECT on the views of the
-- ANALYST schema only. Non-admin H2 users cannot write tables they hold no rights on, create
-- objects in schemas they do not own, run SCRIPT/RUNSCRIPT, or call file and link functions
-- (FILE_READ, CSVWRITE, LINK_SCHEMA, ...).
--
-- The password below only exists until the web app starts: it sets a fresh random one for
-- its own connections every time (org.cskpi.web.query.QueryDatabase).
CREATE USER IF NOT EXISTS cskpi_query PASSWORD 'replaced-at-web-start';

CREATE SCHEMA analyst;

-- One view per table an analyst may read, under the table's own name. Column lists are
-- explicit: a column added to a table later is not exposed until a migration adds it here.
CREATE VIEW analyst.kpi_weekly AS
    SELECT week, breakdown, breakdown_value, kpi, value, sample_size, small_sample, incomplete, run_id
    FROM public.kpi_weekly;
CREATE VIEW analyst.busiest_hours AS
    SELECT week, weekday, hour, tickets, run_id FROM public.busiest_hours;
CREATE VIEW analyst.top_complaints AS
    SELECT week, category, tickets, share, change_vs_previous, repeat_contact_rate, run_id
    FROM public.top_complaints;
CREATE VIEW analyst.survey_responses AS
    SELECT id, invitation_id, ticket_id, customer_id, score, comment, locale, answered_at,
           comment_updated_at, origin, run_id
    FROM public.survey_responses;
-- Without token_hash: even its hash of a survey link stays out of analysts' hands.
CREATE VIEW analyst.survey_invitations AS
    SELECT id, source, ticket_id, customer_id, locale, created_at, expires_at
    FROM public.survey_invitations;
CREATE VIEW analyst.runs AS
    SELECT id, kind, started_at, finished_at, status, rows_in, rows_out, rows_quarantined, message
    FROM public.runs;

GRANT SELECT ON analyst.kpi_weekly, analyst.busiest_hours, analyst.top_complaints,
    analyst.survey_responses, analyst.survey_invitations, analyst.runs TO cskpi_query;
