-- The cut-off an analyze run computed its KPIs "as of" (docs/kpis.md#cut-off), so that a report
-- can say "data as of ..." for the run that published its week. Null for other kinds of run and
-- for analyze runs from before this migration.
ALTER TABLE runs ADD COLUMN cut_off TIMESTAMP(3) WITH TIME ZONE;
