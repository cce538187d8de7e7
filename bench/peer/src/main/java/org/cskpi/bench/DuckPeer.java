package org.cskpi.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The DuckDB peer of cskpi's benchmark: computes the headline KPIs of docs/kpis.md from cskpi's
 * canonical ticket CSV with the same definitions, and times it.
 *
 * <pre>
 *   DuckPeer load  --csv tickets.csv[,week1.csv...] --db peer.duckdb --zone Europe/Oslo --out DIR [--window-days 7] [--warm 2]
 *   DuckPeer kpis  --db peer.duckdb --zone Europe/Oslo --out DIR [--window-days 7] [--warm 2]
 * </pre>
 *
 * {@code load} creates the table from the CSV (several, comma-separated: a history and its
 * following weeks' exports, the newest {@code updated_at} of a ticket winning as in cskpi's
 * merge) and then computes the KPIs (the "end to end"
 * figure: load_s + kpis_cold_s); {@code kpis} opens an existing database in a fresh process
 * (cold) and computes them from DuckDB's own table. Both then repeat the KPI queries
 * {@code --warm} times (warm). Writes {@code DIR/kpis.csv} (kind, week, key, value) and
 * appends {@code name=seconds} lines to {@code DIR/timings.txt}.
 */
public final class DuckPeer {

    private DuckPeer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String mode = args.length > 0 ? args[0] : "";
        if (!mode.equals("load") && !mode.equals("kpis")) {
            System.err.println("usage: DuckPeer load|kpis --db FILE --zone ZONE --out DIR [--csv FILE] "
                    + "[--window-days 7] [--warm 2]");
            System.exit(2);
        }
        Path out = Path.of(required(opts, "--out"));
        Files.createDirectories(out);
        String zone = required(opts, "--zone");
        int windowDays = Integer.parseInt(opts.getOrDefault("--window-days", "7"));
        int warm = Integer.parseInt(opts.getOrDefault("--warm", "2"));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + required(opts, "--db"));
             PrintWriter timings = new PrintWriter(Files.newBufferedWriter(out.resolve("timings.txt"),
                     StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                     java.nio.file.StandardOpenOption.APPEND))) {
            try (Statement s = db.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
            }
            if (mode.equals("load")) {
                long t0 = System.nanoTime();
                long rows = load(db, required(opts, "--csv"));
                timings.printf(Locale.ROOT, "load_s=%.3f%nrows=%d%n", seconds(t0), rows);
            }
            Kpis sql = new Kpis(zone, windowDays);
            long t0 = System.nanoTime();
            int written = sql.write(db, out.resolve("kpis.csv"));
            timings.printf(Locale.ROOT, "%s_kpis_first_s=%.3f%n", mode, seconds(t0));
            double best = Double.MAX_VALUE;
            for (int i = 0; i < warm; i++) {
                long w = System.nanoTime();
                sql.write(db, out.resolve("kpis-warm.csv"));
                best = Math.min(best, seconds(w));
            }
            if (warm > 0) {
                timings.printf(Locale.ROOT, "%s_kpis_warm_s=%.3f%n", mode, best);
            }
            timings.printf(Locale.ROOT, "%s_process_s=%.3f%n", mode, seconds(started));
            System.err.printf(Locale.ROOT, "duckdb %s: %d KPI rows in %.1f s%n", mode, written, seconds(started));
        }
    }

    /**
     * Loads the canonical CSV files (comma-separated) as cskpi's ingest would read them (typed,
     * category/channel normalised, the newest row of a ticket wins).
     */
    static long load(Connection db, String csvFiles) throws SQLException {
        StringBuilder files = new StringBuilder("[");
        for (String csv : csvFiles.split(",")) {
            files.append(files.length() > 1 ? ", " : "").append('\'').append(csv.replace("'", "''")).append('\'');
        }
        files.append(']');
        // Types by header name: the generator's CSV also has customer_email and locale, which the KPIs ignore.
        String columns = "{'ticket_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'channel': 'VARCHAR', "
                + "'category': 'VARCHAR', 'priority': 'VARCHAR', 'agent_id': 'VARCHAR', 'team': 'VARCHAR', "
                + "'status': 'VARCHAR', 'created_at': 'TIMESTAMPTZ', 'first_response_at': 'TIMESTAMPTZ', "
                + "'resolved_at': 'TIMESTAMPTZ', 'final_resolved_at': 'TIMESTAMPTZ', 'reopens': 'INTEGER', "
                + "'agent_replies': 'INTEGER', 'updated_at': 'TIMESTAMPTZ'}";
        try (Statement s = db.createStatement()) {
            // Same rules as ingest for these columns: null channel -> other; category trimmed,
            // lower-cased, empty -> uncategorised. Newest updated_at wins per ticket (dedupe).
            s.execute("CREATE OR REPLACE TABLE tickets AS SELECT ticket_id, nullif(customer_id, '') AS customer_id, "
                    + "coalesce(nullif(channel, ''), 'other') AS channel, "
                    + "CASE WHEN coalesce(lower(trim(category)), '') = '' THEN 'uncategorised' "
                    + "ELSE lower(trim(category)) END AS category, "
                    + "agent_id, team, status, created_at, first_response_at, resolved_at, final_resolved_at, "
                    + "reopens, agent_replies, updated_at "
                    + "FROM read_csv(" + files + ", header = true, types = " + columns + ") "
                    + "QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY updated_at DESC NULLS LAST) = 1");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM tickets")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The headline KPIs, one query each, written as kind,week,key,value. */
    static final class Kpis {
        private final Map<String, String> queries = new LinkedHashMap<>();

        Kpis(String zone, int windowDays) {
            String z = "'" + zone.replace("'", "''") + "'";
            String local = "timezone(" + z + ", created_at)";
            String week = "printf('%04d-W%02d', isoyear(" + local + "), weekofyear(" + local + "))";
            String cutOff = "(SELECT max(coalesce(updated_at, greatest(created_at, first_response_at, resolved_at, "
                    + "final_resolved_at))) FROM tickets)";
            String frt = "(epoch_us(first_response_at) - epoch_us(created_at)) / 1e6";
            String responded = "first_response_at IS NOT NULL AND first_response_at <= " + cutOff;
            queries.put("volume", "SELECT 'volume', " + week + " AS w, 'all', count(*)::DOUBLE FROM tickets GROUP BY w");
            queries.put("frt", "SELECT k, w, channel, v FROM (SELECT " + week + " AS w, channel, "
                    + "quantile_cont(" + frt + ", 0.5) AS frt_median_s, quantile_cont(" + frt + ", 0.9) AS frt_p90_s "
                    + "FROM tickets WHERE " + responded + " GROUP BY w, channel) "
                    + "UNPIVOT (v FOR k IN (frt_median_s, frt_p90_s))");
            queries.put("resolution_rate", "SELECT 'resolution_rate', " + week + " AS w, 'all', "
                    + "count(resolved_at) / count(*) FROM tickets GROUP BY w");
            long windowMicros = windowDays * 86_400L * 1_000_000L;
            queries.put("repeat_contact_rate", "SELECT 'repeat_contact_rate', w, 'all', "
                    + "sum(CASE WHEN earlier > 0 THEN 1 ELSE 0 END) / count(*) FROM (SELECT " + week + " AS w, "
                    + "count(*) OVER (PARTITION BY customer_id, category ORDER BY epoch_us(created_at) "
                    + "RANGE BETWEEN " + windowMicros + " PRECEDING AND 1 PRECEDING) AS earlier "
                    + "FROM tickets WHERE customer_id IS NOT NULL) GROUP BY w");
            queries.put("busiest_hours", "SELECT 'busiest_hours', " + week + " AS w, "
                    + "printf('%d-%02d', isodow(" + local + "), hour(" + local + ")) AS cell, count(*)::DOUBLE "
                    + "FROM tickets GROUP BY w, cell");
        }

        int write(Connection db, Path file) throws SQLException, IOException {
            int rows = 0;
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
                 Statement s = db.createStatement()) {
                out.println("kind,week,key,value");
                for (String query : queries.values()) {
                    try (ResultSet r = s.executeQuery(query)) {
                        while (r.next()) {
                            out.printf(Locale.ROOT, "%s,%s,%s,%s%n", r.getString(1), r.getString(2), r.getString(3),
                                    Double.toString(r.getDouble(4)));
                            rows++;
                        }
                    }
                }
            }
            return rows;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
