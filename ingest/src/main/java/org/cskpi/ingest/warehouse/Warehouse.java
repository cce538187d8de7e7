package org.cskpi.ingest.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Parquet warehouse (DESIGN.md): one directory per table, each holding numbered
 * versions {@code v-000001, v-000002, ...}. A new version is written beside the current one
 * and only counts once Spark has committed it (its {@code _SUCCESS} marker), so a failed or
 * killed run leaves the previous version current and readable. Works on any Hadoop file
 * system (local, hdfs://, s3a://): no rename-over or local-path assumption.
 */
public final class Warehouse {

    static final String VERSION_PREFIX = "v-";
    static final String COMMITTED_MARKER = "_SUCCESS";
    private static final int VERSIONS_KEPT = 2;

    private final SparkSession spark;
    private final Path root;

    private Warehouse(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    public static Warehouse at(SparkSession spark, String root) {
        return new Warehouse(spark, new Path(root));
    }

    /** The current version of {@code table}, or empty when none was ever committed. */
    public Optional<Dataset<Row>> table(String table) {
        return currentVersion(table).map(path -> spark.read().parquet(path.toString()));
    }

    /** Where the current version of {@code table} lives, if any. */
    public Optional<Path> currentVersion(String table) {
        List<Path> committed = committedVersions(table);
        return committed.isEmpty() ? Optional.empty() : Optional.of(committed.get(committed.size() - 1));
    }

    /**
     * Writes {@code data} as the next version of {@code table}; it becomes current when the
     * write commits. Older versions beyond the last two and uncommitted leftovers are removed.
     */
    public Path replace(String table, Dataset<Row> data) {
        Path next = new Path(new Path(root, table), String.format("%s%06d", VERSION_PREFIX, highestVersion(table) + 1));
        data.write().mode(SaveMode.ErrorIfExists).parquet(next.toString());
        prune(table);
        return next;
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

    private void prune(String table) {
        List<Path> committed = committedVersions(table);
        Path current = committed.get(committed.size() - 1);
        int keepFrom = committed.size() > VERSIONS_KEPT ? number(committed.get(committed.size() - VERSIONS_KEPT)) : 0;
        for (FileStatus version : versions(table)) {
            Path path = version.getPath();
            boolean old = number(path) < keepFrom;
            boolean abandoned = !committed.contains(path) && number(path) < number(current);
            if (old || abandoned) {
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
                if (status.isDirectory() && status.getPath().getName().matches(VERSION_PREFIX + "\\d+")) {
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
