package org.cskpi.ingest.csv;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.cskpi.cli.UserError;

/**
 * Streams the records of one delimited text file with univocity: each record with the line
 * it starts on (1-based, counting the lines of multi-line quoted fields) and its original
 * text. Blank lines are skipped. Decoding and I/O failures become a {@link UserError} naming
 * the file (and the byte offset for invalid bytes).
 */
final class CsvRecords implements Iterator<CsvRecords.Record>, AutoCloseable {

    /** One record: its fields as the parser split them, the line it starts on, its text. */
    record Record(String[] fields, long line, String raw) {
    }

    private final String file;
    private final String encoding;
    private final CsvParser parser;
    private final long linesBefore;
    /** Line breaks in every record read so far, blank lines included: the parser's own line count skips those inside quotes. */
    private long linesRead;
    private Record next;
    private boolean finished;

    CsvRecords(String file, Reader reader, char delimiter, String encoding) {
        this(file, reader, delimiter, encoding, 0);
    }

    /** Records of a part of the file whose first line is line {@code linesBefore} + 1. */
    CsvRecords(String file, Reader reader, char delimiter, String encoding, long linesBefore) {
        this.file = file;
        this.linesBefore = linesBefore;
        this.encoding = encoding;
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(delimiter);
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setHeaderExtractionEnabled(false);
        settings.setSkipEmptyLines(false);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setNormalizeLineEndingsWithinQuotes(false);
        settings.setMaxCharsPerColumn(-1);
        settings.setMaxColumns(2048);
        settings.setNullValue(null);
        settings.setEmptyValue("");
        this.parser = new CsvParser(settings);
        try {
            parser.beginParsing(reader);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = advance();
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record record = next;
        next = null;
        return record;
    }

    private Record advance() {
        while (true) {
            String[] fields;
            try {
                fields = parser.parseNext();
            } catch (RuntimeException e) {
                throw failure(e);
            }
            if (fields == null) {
                return null;
            }
            String parsed = parser.getContext().currentParsedContent();
            long line = linesBefore + linesRead + 1;
            linesRead += lineBreaks(parsed);
            String raw = parsed == null ? "" : stripLineEnd(parsed);
            if (raw.isBlank()) {
                continue;
            }
            return new Record(fields, line, raw);
        }
    }

    /** CRLF, LF and lone CR each end one line. */
    static long lineBreaks(String text) {
        if (text == null) {
            return 0;
        }
        long breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    private static String stripLineEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private UserError failure(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictDecodingReader.MalformedInputAt bad) {
                return new UserError(file + ": bytes at byte offset " + bad.offset + " are not valid " + encoding
                        + " (set csv.encoding in the mapping file to the file's charset)", e);
            }
            if (cause instanceof IOException io) {
                return new UserError(file + ": cannot read (truncated or corrupt file?): " + io.getMessage(), e);
            }
        }
        if (e instanceof TextParsingException) {
            return new UserError(file + ": not a readable delimited text file: " + firstLine(e.getMessage()), e);
        }
        return new UserError(file + ": cannot read: " + e, e);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        parser.stopParsing();
    }

}
