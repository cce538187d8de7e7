package org.cskpi.ingest.chatwoot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.source.InputFiles;

/**
 * The header of a Chatwoot conversations CSV report: its line number (the report may start
 * with a "Reporting period …" line) and the position of each column cskpi reads, found by
 * the report's header texts (case and surrounding spaces ignored).
 */
record ChatwootCsvHeader(long line, Map<String, Integer> columns) {

    /** Canonical use -> accepted header texts, lower-case. */
    static final Map<String, List<String>> NAMES = Map.of(
            "ticket_id", List.of("conversation id", "conversation_id", "display id"),
            "created_at", List.of("created at", "created_at", "conversation created at"),
            "customer_email", List.of("customer email", "contact email", "contact email address"),
            "agent", List.of("agent name", "assignee", "agent 1"),
            "team", List.of("team name", "team"),
            "status", List.of("conversation status", "status"),
            "first_response_minutes", List.of("first response time (minutes)"),
            "resolution_minutes", List.of("resolution time (minutes)"),
            "labels", List.of("labels", "label 1"),
            "inbox", List.of("inbox name", "inbox"));

    private static final int MAX_PREAMBLE_LINES = 10;

    static ChatwootCsvHeader find(Path path, Configuration hadoop) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(InputFiles.open(path, hadoop),
                StandardCharsets.UTF_8))) {
            for (long n = 1; n <= MAX_PREAMBLE_LINES; n++) {
                String text = reader.readLine();
                if (text == null) {
                    break;
                }
                Optional<ChatwootCsvHeader> header = parse(n, text.replace("\uFEFF", ""));
                if (header.isPresent()) {
                    return header.get();
                }
            }
        } catch (IOException e) {
            throw new UserError(path + ": cannot read (" + e.getMessage() + ")", e);
        }
        throw new UserError(path + ": no header with a \"Conversation ID\" and a \"Created at\" column in its first "
                + MAX_PREAMBLE_LINES + " lines; expected " + ChatwootFile.EXPECTED);
    }

    static Optional<ChatwootCsvHeader> parse(long line, String text) {
        String[] cells = parser().parseLine(text);
        if (cells == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String cell : cells) {
            names.add(cell == null ? "" : cell.trim().toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> columns = new java.util.LinkedHashMap<>();
        NAMES.forEach((use, accepted) -> accepted.stream().map(names::indexOf).filter(i -> i >= 0).findFirst()
                .ifPresent(i -> columns.put(use, i)));
        if (!columns.containsKey("ticket_id") || !columns.containsKey("created_at")) {
            return Optional.empty();
        }
        return Optional.of(new ChatwootCsvHeader(line, Map.copyOf(columns)));
    }

    static CsvParser parser() {
        CsvParserSettings settings = new CsvParserSettings();
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setMaxCharsPerColumn(-1);
        return new CsvParser(settings);
    }
}
