package org.cskpi.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
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
 * fails before any work); then every file — or every 64 MB range of a large file, cut on
 * record boundaries found by {@link CsvSplits} — is parsed by one Spark task that streams it
 * with univocity, so memory stays flat at any file size and line numbers and original texts
 * stay exact across multi-line quoted fields.
 */
public final class MappedCsvReader implements SourceReader {

    /** Byte size of the ranges a large file is cut into. */
    static final long SPLIT_BYTES = 64L << 20;

    private final String name;
    private final Mapping mapping;
    private final HeaderPolicy policy;
    private final long splitBytes;

    public MappedCsvReader(String name, Mapping mapping, HeaderPolicy policy) {
        this(name, mapping, policy, SPLIT_BYTES);
    }

    /** A reader cutting large files into ranges of about {@code splitBytes} (tests use tiny ones). */
    MappedCsvReader(String name, Mapping mapping, HeaderPolicy policy, long splitBytes) {
        this.name = name;
        this.mapping = mapping;
        this.policy = policy;
        this.splitBytes = splitBytes;
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
            tasks.addAll(tasks(file.toString(), layout(file.toString(), hadoop), hadoop));
        }
        SerializableConfiguration conf = new SerializableConfiguration(hadoop);
        Mapping m = mapping;
        String source = mapping.source();
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, Math.max(1, tasks.size()))
                .flatMap(task -> task.rows(m, source, conf.value()));
        Dataset<Row> staged = spark.createDataFrame(rows, Staged.SCHEMA_WITH_PROBLEM);
        ZoneId zone = mapping.timezoneId().map(ZoneId::of).orElse(options.zone());
        // cskpi's canonical CSV also reads its own export back: `cskpi sql` prints timestamps with a space for the T.
        ReadOptions timestamps = new ReadOptions(zone, mapping.timestampFormats(), policy == HeaderPolicy.CANONICAL);
        return new StagedInput(staged, Optional.empty(), timestamps, files.stream().map(Path::toString).toList(), Map.of());
    }

    private HeaderLayout layout(String file, Configuration hadoop) {
        try (Reader reader = TextFiles.open(file, Charset.forName(mapping.encoding()), hadoop)) {
            CsvRecords records = new CsvRecords(file, reader, mapping.delimiter(), mapping.encoding());
            if (!records.hasNext()) {
                throw HeaderLayout.emptyFile(file, mapping, HeaderLayout.REQUIRED);
            }
            return HeaderLayout.of(file, records.next().fields(), mapping, policy, HeaderLayout.REQUIRED);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * One task per file, or per byte range of a large plain file (see {@link CsvSplits}): a
     * single 2 GB export would otherwise be parsed and validated by one core.
     */
    private List<FileTask> tasks(String file, HeaderLayout layout, Configuration hadoop) {
        Charset charset = Charset.forName(mapping.encoding());
        if (!TextFiles.isPlain(file, hadoop) || !CsvSplits.canSplit(charset, mapping.delimiter())) {
            return List.of(new FileTask(file, layout, null));
        }
        try (InputStream in = TextFiles.openBytes(file, hadoop)) {
            List<CsvSplits.Split> splits = CsvSplits.of(in, TextFiles.size(file, hadoop), mapping.delimiter(), splitBytes);
            if (splits.size() == 1) {
                return List.of(new FileTask(file, layout, null));
            }
            return splits.stream().map(split -> new FileTask(file, layout, split)).toList();
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** One file, or the byte range {@code split} of it, and its header layout: the unit of work of one Spark task. */
    record FileTask(String file, HeaderLayout layout, CsvSplits.Split split) implements Serializable {

        Iterator<Row> rows(Mapping mapping, String source, Configuration hadoop) {
            CsvRecords records;
            try {
                Charset charset = Charset.forName(mapping.encoding());
                Reader reader = split == null ? TextFiles.open(file, charset, hadoop)
                        : TextFiles.openRange(file, charset, hadoop, split.start(), split.end());
                records = new CsvRecords(file, reader, mapping.delimiter(), mapping.encoding(),
                        split == null ? 0 : split.firstLine() - 1);
                boolean hasHeader = split == null || split.start() == 0;
                if (!layout.dataStart() && hasHeader && records.hasNext()) {
                    records.next();
                }
            } catch (IOException e) {
                return List.of(fatal("cannot read: " + e.getMessage())).iterator();
            } catch (UserError e) {
                return List.of(fatal(e.getMessage())).iterator();
            }
            StagedRows staged = new StagedRows(mapping, layout, source);
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
                    return staged.of(file, records.next());
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
