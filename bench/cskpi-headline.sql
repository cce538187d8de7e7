SELECT kind, week, key, value FROM (
  SELECT kpi AS kind, week, 'all' AS key, value FROM kpi_weekly
   WHERE breakdown = 'all' AND kpi IN ('volume', 'resolution_rate', 'repeat_contact_rate')
  UNION ALL
  SELECT kpi, week, breakdown_value, value FROM kpi_weekly
   WHERE breakdown = 'channel' AND kpi IN ('frt_median_s', 'frt_p90_s')
  UNION ALL
  SELECT 'busiest_hours', week, format_string('%d-%02d', weekday, hour), CAST(tickets AS DOUBLE) FROM busiest_hours
) ORDER BY kind, week, key
