package org.cskpi.ingest.responses;

import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cskpi.files.OwnerOnly;
import org.cskpi.ingest.csv.HeaderPolicy;
import org.cskpi.ingest.csv.MappedRecords;
import org.cskpi.ingest.mapping.Mapping;
import org.cskpi.ingest.mapping.MappingTarget;
import org.cskpi.store.RunLog;
import org.jooq.DSLContext;

/**
 * {@code responses import}: NPS answers from a file into {@code survey_responses} with
 * origin {@code import}, all rows of a file in one transaction. Re-importing is safe: a row
 * identical (ticket, customer, score, comment, locale, answered_at) to an answer imported
 * before, or to an earlier row of the same file, is skipped and counted as a duplicate.
 */
public final class ResponsesImport {

    /** Counts of one import: read = imported + duplicates + quarantined. */
    public record Summary(long runId, long read, long imported, long duplicates, Map<String, Long> quarantined,
                          Optional<Path> quarantineFile) {
        public long quarantinedRows() {
            return quarantined.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The counts in one line: rows read = imported + duplicates skipped + quarantined. */
        public String line() {
            return "run " + runId + ": rows read " + read + " = imported " + imported + " + duplicates skipped "
                    + duplicates + " + quarantined " + quarantinedRows() + (quarantined.isEmpty() ? "" : " " + quarantined);
        }
    }

    private final DSLContext dsl;
    private final RunLog runs;
    private final Path quarantineRoot;

    public ResponsesImport(DSLContext dsl, RunLog runs, Path quarantineRoot) {
        this.dsl = dsl;
        this.runs = runs;
        this.quarantineRoot = quarantineRoot;
    }

    public Summary run(String file, Mapping mapping, HeaderPolicy policy, ResponseRules rules) {
        return runs.track("responses import", runId -> {
            Summary summary = importFile(runId, file, mapping, policy, rules);
            runs.succeeded(runId, new RunLog.Counts(summary.read(), summary.imported(), summary.quarantinedRows()),
                    "imported " + summary.imported() + ", duplicates skipped " + summary.duplicates());
            return summary;
        });
    }

    /** The plain format: a header of survey_responses column names. */
    public static Mapping canonicalMapping() {
        return Mapping.identity(null, MappingTarget.RESPONSES.columns());
    }

    private Summary importFile(long runId, String file, Mapping mapping, HeaderPolicy policy, ResponseRules rules) {
        ResponseValidator validator = rules.validator(mapping);
        List<ResponseRow> valid = new ArrayList<>();
        List<String[]> rejected = new ArrayList<>();
        Map<String, Long> reasons = new TreeMap<>();
        long read = 0;
        try (MappedRecords records = MappedRecords.open(file, mapping, policy, List.of("score", "answered_at"))) {
            if (!records.provides("ticket_id") && !records.provides("customer_id")) {
                throw new org.cskpi.cli.UserError(file + ": no ticket_id or customer_id column; a response needs at least one");
            }
            while (records.hasNext()) {
                MappedRecords.Mapped record = records.next();
                read++;
                ResponseValidator.Verdict verdict = record.problem() != null
                        ? new ResponseValidator.Verdict(null, record.problem()) : validator.check(record.values());
                if (verdict.row() != null) {
                    valid.add(verdict.row());
                } else {
                    reasons.merge(kind(verdict.reason()), 1L, Long::sum);
                    rejected.add(new String[] {file, String.valueOf(record.line()), verdict.reason(), record.raw()});
                }
            }
        }
        long imported = insertNew(runId, valid);
        Optional<Path> quarantine = rejected.isEmpty() ? Optional.empty() : Optional.of(writeQuarantine(runId, rejected));
        return new Summary(runId, read, imported, valid.size() - imported, reasons, quarantine);
    }

    private long insertNew(long runId, List<ResponseRow> rows) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Set<ResponseRow> seen = new HashSet<>(db.select(SURVEY_RESPONSES.TICKET_ID, SURVEY_RESPONSES.CUSTOMER_ID,
                            SURVEY_RESPONSES.SCORE, SURVEY_RESPONSES.COMMENT, SURVEY_RESPONSES.LOCALE, SURVEY_RESPONSES.ANSWERED_AT)
                    .from(SURVEY_RESPONSES)
                    .where(SURVEY_RESPONSES.ORIGIN.eq("import"))
                    .fetch(r -> new ResponseRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6().toInstant())));
            long inserted = 0;
            var batch = db.batch(db.insertInto(SURVEY_RESPONSES, SURVEY_RESPONSES.TICKET_ID, SURVEY_RESPONSES.CUSTOMER_ID,
                    SURVEY_RESPONSES.SCORE, SURVEY_RESPONSES.COMMENT, SURVEY_RESPONSES.LOCALE, SURVEY_RESPONSES.ANSWERED_AT,
                    SURVEY_RESPONSES.ORIGIN, SURVEY_RESPONSES.RUN_ID).values((String) null, null, null, null, null, null, null, null));
            for (ResponseRow row : rows) {
                if (seen.add(row)) {
                    batch.bind(row.ticketId(), row.customerId(), row.score(), row.comment(), row.locale(),
                            row.answeredAt().atOffset(ZoneOffset.UTC), "import", runId);
                    inserted++;
                }
            }
            if (inserted > 0) {
                batch.execute();
            }
            return inserted;
        });
    }

    private Path writeQuarantine(long runId, List<String[]> rows) {
        Path dir = quarantineRoot.resolve(String.valueOf(runId));
        Path file = dir.resolve("responses.csv");
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(OwnerOnly.newOutputStream(file),
                    StandardCharsets.UTF_8))) {
                CsvWriterSettings settings = new CsvWriterSettings();
                settings.setQuoteAllFields(true);
                CsvWriter writer = new CsvWriter(out, settings);
                writer.writeHeaders("file", "line", "reason", "original");
                rows.forEach(writer::writeRow);
                writer.close();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quarantine file " + file, e);
        }
    }

    private static String kind(String reason) {
        int quote = reason.indexOf(": \"");
        String kind = quote > 0 ? reason.substring(0, quote) : reason;
        return kind.startsWith("field count") ? "field count mismatch" : kind;
    }
}
