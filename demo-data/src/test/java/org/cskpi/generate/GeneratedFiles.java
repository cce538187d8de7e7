package org.cskpi.generate;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cskpi.config.BusinessHours;

/** Test helper: runs the generator and reads its CSV files back with a real CSV parser. */
final class GeneratedFiles {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** A Sunday; the 8 weeks before it contain the end of summer time (2026-10-25). */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);

    private GeneratedFiles() {
    }

    static GeneratorSettings settings(long tickets, int weeks, long seed, Path out,
                                      EnumSet<GeneratorSettings.Format> formats) {
        return settings(tickets, weeks, seed, out, formats, LAST_DAY);
    }

    static GeneratorSettings settings(long tickets, int weeks, long seed, Path out,
                                      EnumSet<GeneratorSettings.Format> formats, LocalDate lastDay) {
        return new GeneratorSettings(tickets, weeks, seed, out, formats, OSLO, lastDay, 0.25,
                BusinessHours.standard(OSLO));
    }

    static DemoExportGenerator.Summary generate(GeneratorSettings settings) throws IOException {
        return new DemoExportGenerator(settings, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .run();
    }

    /** Every record of a CSV file as header -> cell (null for an empty cell), in file order. */
    static List<Map<String, String>> readCsv(Path file) throws IOException {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setLineSeparator("\n");
        settings.setMaxCharsPerColumn(-1);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setHeaderExtractionEnabled(true);
        CsvParser parser = new CsvParser(settings);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.beginParsing(in);
            String[] header = parser.getContext().parsedHeaders();
            String[] cells;
            while ((cells = parser.parseNext()) != null) {
                if (header == null) {
                    header = parser.getContext().parsedHeaders();
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : null);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static long epoch(String iso) {
        return iso == null ? SimTicket.NONE : Instant.parse(iso).getEpochSecond();
    }
}
