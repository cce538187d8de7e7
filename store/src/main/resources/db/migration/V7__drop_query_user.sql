-- The analysts' /query page no longer reads the store: it sends Spark SQL to the SQL service
-- (cskpi sql-server, issue 15), which reads the warehouse and the store's survey tables
-- itself. The read-only database user and the ANALYST views it read (V2_2) have no user left.
-- (Numbered 4.15, after the issue, so that another change's V4 orders before it.)
DROP SCHEMA IF EXISTS analyst CASCADE;
DROP USER IF EXISTS cskpi_query;
