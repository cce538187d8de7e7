package org.cskpi.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.canonical.Staged;
import org.cskpi.ingest.mapping.Mapping;
import org.cskpi.ingest.source.ReadOptions;
import org.cskpi.ingest.source.SourceReader;
import org.cskpi.ingest.source.StagedInput;

/**
 * Reads delimited text files through a {@link Mapping} into staged rows: the csv format with
 * {@code --mapping}, cskpi's canonical CSV and Freshdesk's export are all this reader with
 * different mappings and header policies.
 *
 * <p>Each file's header is checked on the driver first (so an empty file or a wrong header
 * fails before any work); then every file is parsed by one Spark task that streams it with
 * univocity, so memory stays flat at any file size and line numbers and original texts stay
 * exact across multi-line quoted fields (which a split-by-bytes read cannot promise).
 */
public final class MappedCsvReader implements SourceReader {

    private final String name;
    private final Mapping mapping;
    private final HeaderPolicy policy;

    public MappedCsvReader(String name, Mapping mapping, HeaderPolicy policy) {
        this.name = name;
        this.mapping = mapping;
        this.policy = policy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StagedInput read(SparkSession spark, List<Path> files, ReadOptions options) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<FileTask> tasks = new ArrayList<>();
        for (Path file : files) {
            tasks.add(new FileTask(file.toString(), layout(file.toString(), hadoop)));
        }
        SerializableConfiguration conf = new SerializableConfiguration(hadoop);
        Mapping m = mapping;
        String source = mapping.source();
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, Math.max(1, tasks.size()))
                .flatMap(task -> task.rows(m, source, conf.value()));
        Dataset<Row> staged = spark.createDataFrame(rows, Staged.SCHEMA_WITH_PROBLEM);
        ZoneId zone = mapping.timezoneId().map(ZoneId::of).orElse(options.zone());
        ReadOptions timestamps = new ReadOptions(zone, mapping.timestampFormats());
        return new StagedInput(staged, Optional.empty(), timestamps, files.stream().map(Path::toString).toList(), Map.of());
    }

    private HeaderLayout layout(String file, Configuration hadoop) {
        try (Reader reader = TextFiles.open(file, Charset.forName(mapping.encoding()), hadoop)) {
            CsvRecords records = new CsvRecords(file, reader, mapping.delimiter(), mapping.encoding());
            if (!records.hasNext()) {
                throw new UserError(file + ": empty file; expected " + (mapping.header()
                        ? "a header line naming the columns " + String.join(", ", HeaderLayout.REQUIRED) + "..." : "data lines"));
            }
            return HeaderLayout.of(file, records.next().fields(), mapping, policy, HeaderLayout.REQUIRED);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** One file and its header layout: the unit of work of one Spark task. */
    record FileTask(String file, HeaderLayout layout) implements Serializable {

        Iterator<Row> rows(Mapping mapping, String source, Configuration hadoop) {
            CsvRecords records;
            try {
                records = new CsvRecords(file, TextFiles.open(file, Charset.forName(mapping.encoding()), hadoop),
                        mapping.delimiter(), mapping.encoding());
                if (!layout.dataStart() && records.hasNext()) {
                    records.next();
                }
            } catch (IOException e) {
                return List.of(fatal("cannot read: " + e.getMessage())).iterator();
            } catch (UserError e) {
                return List.of(fatal(e.getMessage())).iterator();
            }
            return new Iterator<>() {
                private Row failure;
                private boolean done;

                @Override
                public boolean hasNext() {
                    if (failure != null) {
                        return true;
                    }
                    if (done) {
                        return false;
                    }
                    try {
                        if (records.hasNext()) {
                            return true;
                        }
                    } catch (UserError e) {
                        failure = fatal(e.getMessage());
                        return true;
                    }
                    done = true;
                    records.close();
                    return false;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    if (failure != null) {
                        Row row = failure;
                        failure = null;
                        done = true;
                        return row;
                    }
                    return StagedRows.of(file, records.next(), mapping, layout, source);
                }
            };
        }

        /** The one row that fails the run: a reader error, named by file, as a staged problem. */
        private Row fatal(String message) {
            Object[] values = new Object[Staged.SCHEMA_WITH_PROBLEM.size()];
            int width = Staged.FIELDS.size();
            values[width] = file;
            values[width + 1] = 0L;
            values[width + 3] = Staged.FATAL + message;
            return RowFactory.create(values);
        }
    }
}
