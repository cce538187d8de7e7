package org.cskpi.ingest.zendesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.source.InputFiles;
import org.cskpi.ingest.source.UnreadableExport;

/**
 * One Zendesk export file and the top-level keys that say what it holds
 * (docs/architecture.md#help-desk-formats-read-by-name). A page may carry several (the
 * incremental ticket export sideloads {@code users}, {@code groups} and {@code metric_sets}).
 * {@code lines} marks the UI's NDJSON export: one {@code {"ticket": {…}}} object per line.
 */
record ZendeskFile(Path path, Set<String> keys, boolean lines) {

    static final String TICKETS = "tickets";
    static final String TICKET = "ticket";
    static final String METRICS = "ticket_metrics";
    static final String METRIC_SETS = "metric_sets";
    static final String METRIC = "ticket_metric";
    static final String EVENTS = "ticket_events";
    static final String METRIC_EVENTS = "ticket_metric_events";
    static final String AUDITS = "audits";
    static final String AUDIT = "audit";
    static final String COMMENTS = "comments";
    static final String USERS = "users";
    static final String GROUPS = "groups";
    static final String FIELDS = "ticket_fields";

    /** Keys holding one object rather than an array of them. */
    static final Set<String> SINGLE_KEYS = Set.of(TICKET, METRIC, AUDIT);
    static final Set<String> KNOWN_KEYS = Set.of(TICKETS, TICKET, METRICS, METRIC_SETS, METRIC, EVENTS,
            METRIC_EVENTS, AUDITS, AUDIT, COMMENTS, USERS, GROUPS, FIELDS);
    static final String EXPECTED = "a Zendesk API page with a top-level key tickets, ticket_metrics, "
            + "ticket_events, ticket_metric_events, audits, comments, users, groups or ticket_fields, "
            + "or the UI's JSON export (one {\"ticket\": {...}} per line)";

    private static final JsonFactory JSON = new JsonFactory();

    boolean has(String key) {
        return keys.contains(key);
    }

    /**
     * Reads the file's top-level keys with a streaming parser, skipping their values, so a big
     * page costs one pass and no memory. Fails with a {@link UserError} naming the file when it
     * is empty, not JSON, unreadable (a truncated gzip) or holds none of the known keys.
     */
    static ZendeskFile sniff(Path path, Configuration hadoop) {
        try (InputStream in = InputFiles.open(path, hadoop); JsonParser parser = JSON.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UserError(path + ": empty file; expected " + EXPECTED);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new UserError(path + ": expected a JSON object at the top level; expected " + EXPECTED);
            }
            Set<String> keys = topLevelKeys(parser);
            boolean lines = parser.nextToken() != null;
            keys.retainAll(KNOWN_KEYS);
            if (keys.isEmpty()) {
                throw new UserError(path + ": not a Zendesk export; expected " + EXPECTED);
            }
            if (lines && !keys.equals(Set.of(TICKET))) {
                throw new UserError(path + ": several JSON objects in one file, but the first is not "
                        + "{\"ticket\": {...}}; expected " + EXPECTED);
            }
            return new ZendeskFile(path, keys, lines);
        } catch (IOException e) {
            throw UnreadableExport.error(path, e, EXPECTED);
        }
    }

    /**
     * Sniffs every file, in parallel on the cluster (a big export is thousands of pages, and
     * each is read once through to its last top-level key). The first failing file, in input
     * order, is reported.
     */
    static List<ZendeskFile> sniffAll(SparkSession spark, List<Path> paths) {
        SerializableConfiguration hadoop = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        List<String> names = paths.stream().map(Path::toString).toList();
        int slices = Math.max(1, Math.min(names.size(), spark.sparkContext().defaultParallelism() * 4));
        List<Sniffed> results = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(names, slices)
                .map(name -> Sniffed.of(name, hadoop.value()))
                .collect();
        for (Sniffed result : results) {
            if (result.error() != null) {
                throw new UserError(result.error());
            }
        }
        return results.stream().map(r -> new ZendeskFile(new Path(r.path()), Set.copyOf(r.keys()), r.lines())).toList();
    }

    /** A sniff result that can travel back from an executor: keys, or the error message. */
    record Sniffed(String path, List<String> keys, boolean lines, String error) implements Serializable {
        static Sniffed of(String path, Configuration hadoop) {
            try {
                ZendeskFile file = sniff(new Path(path), hadoop);
                return new Sniffed(path, List.copyOf(file.keys()), file.lines(), null);
            } catch (UserError e) {
                return new Sniffed(path, List.of(), false, e.getMessage());
            } catch (RuntimeException e) {
                return new Sniffed(path, List.of(), false, path + ": cannot read (" + e + ")");
            }
        }
    }

    private static Set<String> topLevelKeys(JsonParser parser) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value != JsonToken.VALUE_NULL) {
                keys.add(name);
            }
            parser.skipChildren();
        }
        return keys;
    }
}
