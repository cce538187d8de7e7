package org.cskpi.ingest.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.cskpi.cli.UserError;
import org.cskpi.store.RunVersions;

/**
 * The Parquet warehouse (docs/architecture.md#warehouse): one directory per table, each holding
 * numbered versions {@code v-000001, v-000002, ...}. A new version is written beside the current
 * one and Spark commits it (its {@code _SUCCESS} marker), but it only becomes current when the
 * run that wrote it records it in the KPI store ({@link RunVersions}): the store's commit is the
 * run's one commit point, so a failed or killed run leaves every reader on the previous version.
 * A table the store has no record of (a warehouse from before the store kept them, or one opened
 * without a store) is read by the older rule: its highest committed version. Works on any Hadoop
 * file system (local, hdfs://, s3a://): no rename-over or local-path assumption.
 */
public final class Warehouse {

    static final String VERSION_PREFIX = "v-";
    static final String VERSION_PATTERN = VERSION_PREFIX + "\\d+";
    static final String COMMITTED_MARKER = "_SUCCESS";
    private static final int VERSIONS_KEPT = 2;

    private final SparkSession spark;
    private final String location;
    private final Path root;
    private final Function<String, Optional<String>> recorded;

    private Warehouse(SparkSession spark, String location, Function<String, Optional<String>> recorded) {
        this.spark = spark;
        this.location = location;
        this.root = new Path(location);
        this.recorded = recorded;
    }

    /** The warehouse at {@code root} whose current versions are the ones {@code store} recorded. */
    public static Warehouse at(SparkSession spark, String root, RunVersions store) {
        return new Warehouse(spark, root, store::current);
    }

    /** The warehouse at {@code root} without a store: current = highest committed version (tests, tools). */
    public static Warehouse at(SparkSession spark, String root) {
        return new Warehouse(spark, root, table -> Optional.empty());
    }

    /** Where the warehouse is, as it was given (for messages). */
    public String location() {
        return location;
    }

    /** The current version of {@code table}, or empty when none was ever committed. */
    public Optional<Dataset<Row>> table(String table) {
        return currentVersion(table).map(this::read);
    }

    /** One version's rows, e.g. the one {@link #replace} just wrote and no run recorded yet. */
    public Dataset<Row> read(Path version) {
        return spark.read().parquet(version.toString());
    }

    /** Where the current versions of {@code tables} live, for those that have one. */
    public List<Path> currentVersions(String... tables) {
        List<Path> current = new ArrayList<>();
        for (String table : tables) {
            currentVersion(table).ifPresent(current::add);
        }
        return current;
    }

    /** Where the current version of {@code table} lives, if any. */
    public Optional<Path> currentVersion(String table) {
        Optional<Path> pinned = recordedVersion(table);
        if (pinned.isPresent()) {
            if (!exists(new Path(pinned.get(), COMMITTED_MARKER))) {
                throw new UserError("the KPI store says the current " + table + " is " + pinned.get()
                        + ", but that version is missing or incomplete; was the warehouse moved or changed by hand?");
            }
            return pinned;
        }
        List<Path> committed = committedVersions(table);
        return committed.isEmpty() ? Optional.empty() : Optional.of(committed.get(committed.size() - 1));
    }

    /**
     * Writes {@code data} as the next version of {@code table}; it becomes current when the run
     * records it in the store. Versions older than the last two written and uncommitted
     * leftovers are removed, never the current one.
     */
    public Path replace(String table, Dataset<Row> data) {
        Path next = new Path(new Path(root, table), String.format("%s%06d", VERSION_PREFIX, highestVersion(table) + 1));
        data.write().mode(SaveMode.ErrorIfExists).parquet(next.toString());
        prune(table);
        return next;
    }

    private Optional<Path> recordedVersion(String table) {
        return recorded.apply(table).map(version -> {
            if (!version.matches(VERSION_PATTERN)) {
                // The store is only ever written by cskpi; never follow a name out of the table's directory.
                throw new UserError("the KPI store records \"" + version + "\" for " + table
                        + ", which is not a warehouse version (v-NNNNNN)");
            }
            return new Path(new Path(root, table), version);
        });
    }

    private List<Path> committedVersions(String table) {
        List<Path> committed = new ArrayList<>();
        for (FileStatus version : versions(table)) {
            if (exists(new Path(version.getPath(), COMMITTED_MARKER))) {
                committed.add(version.getPath());
            }
        }
        return committed;
    }

    private int highestVersion(String table) {
        List<FileStatus> all = versions(table);
        return all.isEmpty() ? 0 : number(all.get(all.size() - 1).getPath());
    }

    /**
     * Keeps the last two committed versions (the one just written and the one before, which
     * readers may still be on) and the store's current one, which after killed runs can be older.
     */
    private void prune(String table) {
        List<Path> committed = committedVersions(table);
        Path newest = committed.get(committed.size() - 1);
        Optional<String> current = recorded.apply(table);
        int keepFrom = committed.size() > VERSIONS_KEPT ? number(committed.get(committed.size() - VERSIONS_KEPT)) : 0;
        for (FileStatus version : versions(table)) {
            Path path = version.getPath();
            boolean old = number(path) < keepFrom;
            boolean abandoned = !committed.contains(path) && number(path) < number(newest);
            if ((old || abandoned) && !current.equals(Optional.of(path.getName()))) {
                delete(path);
            }
        }
    }

    private List<FileStatus> versions(String table) {
        Path dir = new Path(root, table);
        try {
            FileSystem fs = fileSystem();
            if (!fs.exists(dir)) {
                return List.of();
            }
            List<FileStatus> result = new ArrayList<>();
            for (FileStatus status : fs.listStatus(dir)) {
                if (status.isDirectory() && status.getPath().getName().matches(VERSION_PATTERN)) {
                    result.add(status);
                }
            }
            result.sort(Comparator.comparingInt(status -> number(status.getPath())));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list warehouse table " + dir, e);
        }
    }

    private static int number(Path version) {
        return Integer.parseInt(version.getName().substring(VERSION_PREFIX.length()));
    }

    private boolean exists(Path path) {
        try {
            return fileSystem().exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private void delete(Path path) {
        try {
            fileSystem().delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old warehouse version " + path, e);
        }
    }

    private FileSystem fileSystem() throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        return root.getFileSystem(hadoop);
    }
}
