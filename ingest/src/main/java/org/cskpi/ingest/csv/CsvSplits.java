package org.cskpi.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts one large delimited file into byte ranges that start on record boundaries, so several
 * Spark tasks can parse it while line numbers and original texts stay exact.
 *
 * <p>One sequential pass over the bytes follows RFC 4180 quoting (a quote opens a field only
 * at its start; inside, {@code ""} is a quote; a field ends at the delimiter or the line end)
 * and counts line feeds, so each range knows the line it starts on. Where the file leaves
 * RFC 4180 — a quote inside an unquoted field, text after a closing quote — the reader's
 * lenient parse could place record boundaries elsewhere, so such a file is not cut at all and
 * one task reads it, as before. Only charsets that write the quote, the delimiter, CR and LF
 * as their single ASCII bytes qualify (UTF-8, ISO-8859-*, windows-125*): in those a byte
 * equal to one of them is that character and never part of another.
 */
final class CsvSplits {

    /** Bytes [start, end) of the file, beginning on line {@code firstLine} (1-based). */
    record Split(long start, long end, long firstLine) implements Serializable {
    }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private CsvSplits() {
    }

    /** Whether a file in {@code charset} with {@code delimiter} can be cut by bytes at all. */
    static boolean canSplit(Charset charset, char delimiter) {
        String specials = "\"\r\n" + delimiter;
        byte[] encoded = specials.getBytes(charset);
        byte[] ascii = specials.getBytes(StandardCharsets.ISO_8859_1);
        return delimiter < 0x80 && charset.canEncode() && Arrays.equals(encoded, ascii)
                && (charset.equals(StandardCharsets.UTF_8) || charset.newEncoder().maxBytesPerChar() == 1.0f);
    }

    /**
     * Ranges of about {@code targetBytes} covering the {@code size} bytes of {@code in} (read to
     * the end): the first starts at 0, each next one right after a record's line end. A single
     * range when the file is smaller than two targets or not RFC 4180 quoted.
     */
    static List<Split> of(InputStream in, long size, char delimiter, long targetBytes) throws IOException {
        List<Split> whole = List.of(new Split(0, size, 1));
        if (size < 2 * targetBytes) {
            return whole;
        }
        Scan scan = new Scan((byte) delimiter, size, targetBytes);
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                if (!scan.next(buffer[i])) {
                    return whole;
                }
            }
        }
        return scan.finish();
    }

    /**
     * The quoting state machine over the bytes. Line ends outside quotes must all be LF or all
     * CRLF: the reader detects the separator from the first line, so a file mixing them (or
     * using bare CR) reads differently in parts than whole, and is not cut.
     */
    private static final class Scan {
        private final byte delimiter;
        private final long size;
        private final long targetBytes;
        private final List<Split> splits = new ArrayList<>();
        private int state = FIELD_START;
        private long position;
        private long lines;
        private long start;
        private long startLine = 1;
        private long nextCut;
        private boolean afterCr;
        private boolean sawLf;
        private boolean sawCrLf;

        Scan(byte delimiter, long size, long targetBytes) {
            this.delimiter = delimiter;
            this.size = size;
            this.targetBytes = targetBytes;
            this.nextCut = targetBytes;
        }

        /** Consumes one byte; false when the file is not one that can be cut. */
        boolean next(byte b) {
            boolean ok = consume(b);
            position++;
            return ok;
        }

        private boolean consume(byte b) {
            if (b == '\n') {
                lines++;
            }
            if (state == QUOTED) {
                if (b == '"') {
                    state = QUOTE_IN_QUOTED;
                }
                return true;
            }
            boolean cr = afterCr;
            afterCr = false;
            if (cr && b != '\n') {
                return false;
            }
            if (b == '\r') {
                afterCr = true;
                return true;
            }
            if (b == '\n') {
                return lineEnd(cr);
            }
            if (b == delimiter) {
                state = FIELD_START;
                return true;
            }
            if (b == '"') {
                if (state == FIELD_START) {
                    state = QUOTED;
                    return true;
                }
                if (state == QUOTE_IN_QUOTED) {
                    state = QUOTED;
                    return true;
                }
                return false;
            }
            if (state == QUOTE_IN_QUOTED) {
                return false;
            }
            state = UNQUOTED;
            return true;
        }

        private boolean lineEnd(boolean crlf) {
            sawCrLf |= crlf;
            sawLf |= !crlf;
            if (sawCrLf && sawLf) {
                return false;
            }
            state = FIELD_START;
            long recordStart = position + 1;
            if (recordStart >= nextCut && recordStart < size) {
                splits.add(new Split(start, recordStart, startLine));
                start = recordStart;
                startLine = lines + 1;
                nextCut = recordStart + targetBytes;
            }
            return true;
        }

        List<Split> finish() {
            if (state == QUOTED || afterCr || position != size) {
                return List.of(new Split(0, size, 1));
            }
            splits.add(new Split(start, size, startLine));
            return List.copyOf(splits);
        }
    }
}
