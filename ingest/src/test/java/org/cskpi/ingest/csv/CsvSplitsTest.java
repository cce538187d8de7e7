package org.cskpi.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSplitsTest {

    /** A BOM and header, quoted delimiters, escaped quotes, a field spanning three lines (one CRLF inside), a blank line, non-ASCII text. */
    static final String TRICKY = "\uFEFFid,text,n\n"
            + "1,plain,10\n"
            + "2,\"with, comma\",20\n"
            + "3,\"she said \"\"hi\"\"\",30\n"
            + "4,\"line one\nline two\r\nline three\",40\n"
            + "\n"
            + "5,ÆØÅ æøå – ok,50\n"
            + "6,\"\",60\n"
            + "7,last,70\n";

    @TempDir
    Path dir;

    private final Configuration hadoop = new Configuration();

    @Test
    void ranges_start_on_record_boundaries_and_parse_to_the_same_records_and_lines() throws IOException {
        Path file = write(TRICKY);
        for (long target = 1; target <= 40; target++) {
            List<CsvSplits.Split> splits = split(file, target);
            assertThat(splits.get(0).start()).isZero();
            assertThat(splits.get(splits.size() - 1).end()).isEqualTo(Files.size(file));
            for (int i = 1; i < splits.size(); i++) {
                assertThat(splits.get(i).start()).isEqualTo(splits.get(i - 1).end());
            }
            assertThat(describe(recordsOf(file, splits))).as("target %d: %s", target, splits)
                    .isEqualTo(describe(wholeFile(file)));
        }
        // Lines are physical lines: record 4 starts on line 5 and spans three, so record 5 is on line 9.
        assertThat(describe(wholeFile(file))).element(5).asString().startsWith("9 [5,");
        // Small targets really cut it: after line 1 (header), records 1, 2, 3, 4 (3 lines), blank + 5, 6, 7.
        assertThat(split(file, 1)).extracting(CsvSplits.Split::firstLine).containsExactly(1L, 2L, 3L, 4L, 5L, 8L, 9L, 10L, 11L);
    }

    @Test
    void crlf_files_are_cut_after_the_crlf() throws IOException {
        Path file = write("id,text\r\n1,\"a\r\nb\"\r\n2,c\r\n3,d\r\n");
        List<CsvSplits.Split> splits = split(file, 1);
        assertThat(splits).extracting(CsvSplits.Split::start).containsExactly(0L, 9L, 19L, 24L);
        assertThat(splits).extracting(CsvSplits.Split::firstLine).containsExactly(1L, 2L, 4L, 5L);
        assertThat(describe(recordsOf(file, splits))).isEqualTo(describe(wholeFile(file)));
    }

    @Test
    void a_file_below_two_targets_is_one_range() throws IOException {
        Path file = write(TRICKY);
        long size = Files.size(file);
        assertThat(split(file, size / 2 + 1)).containsExactly(new CsvSplits.Split(0, size, 1));
    }

    @Test
    void a_file_that_is_not_rfc_4180_quoted_is_not_cut() throws IOException {
        // A quote inside an unquoted field, text after a closing quote, an unterminated quote,
        // LF and CRLF line ends mixed, bare CR line ends.
        for (String bad : List.of("id,text\n1,5\" screen\n2,b\n3,c\n", "id,text\n1,\"a\"b\n2,b\n3,c\n",
                "id,text\n1,b\n2,c\n3,\"open\n", "id,text\r\n1,b\n2,c\r\n3,d\n", "id,text\r1,b\r2,c\r3,d\r")) {
            Path file = write(bad);
            assertThat(split(file, 1)).as(bad).containsExactly(new CsvSplits.Split(0, Files.size(file), 1));
        }
    }

    @Test
    void only_ascii_compatible_charsets_and_delimiters_can_be_cut() {
        assertThat(CsvSplits.canSplit(StandardCharsets.UTF_8, ',')).isTrue();
        assertThat(CsvSplits.canSplit(Charset.forName("windows-1252"), ';')).isTrue();
        assertThat(CsvSplits.canSplit(StandardCharsets.ISO_8859_1, '\t')).isTrue();
        assertThat(CsvSplits.canSplit(StandardCharsets.UTF_16LE, ',')).isFalse();
        assertThat(CsvSplits.canSplit(Charset.forName("IBM037"), ',')).isFalse();
        assertThat(CsvSplits.canSplit(StandardCharsets.UTF_8, '§')).isFalse();
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("f" + System.nanoTime() + ".csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private List<CsvSplits.Split> split(Path file, long target) throws IOException {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            return CsvSplits.of(in, Files.size(file), ',', target);
        }
    }

    private List<CsvRecords.Record> wholeFile(Path file) throws IOException {
        try (CsvRecords records = new CsvRecords(file.toString(), TextFiles.open(file.toString(), StandardCharsets.UTF_8, hadoop),
                ',', "UTF-8")) {
            return drain(records);
        }
    }

    private List<CsvRecords.Record> recordsOf(Path file, List<CsvSplits.Split> splits) throws IOException {
        List<CsvRecords.Record> all = new ArrayList<>();
        for (CsvSplits.Split split : splits) {
            try (CsvRecords records = new CsvRecords(file.toString(), TextFiles.openRange(file.toString(),
                    StandardCharsets.UTF_8, hadoop, split.start(), split.end()), ',', "UTF-8", split.firstLine() - 1)) {
                all.addAll(drain(records));
            }
        }
        return all;
    }

    private static List<CsvRecords.Record> drain(CsvRecords records) {
        List<CsvRecords.Record> list = new ArrayList<>();
        records.forEachRemaining(list::add);
        return list;
    }

    private static List<String> describe(List<CsvRecords.Record> records) {
        return records.stream().map(r -> r.line() + " " + Arrays.toString(r.fields()) + " " + r.raw()).toList();
    }
}
