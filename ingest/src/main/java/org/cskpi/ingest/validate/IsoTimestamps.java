package org.cskpi.ingest.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * A fast reader for the ISO-8601 shapes help-desk exports actually carry:
 * {@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} with {@code Z}, {@code ±HH:MM}
 * or no offset. It reads what {@code DateTimeFormatter.ISO_DATE_TIME} / {@code ISO_LOCAL_DATE}
 * read for those shapes, to the same value, without the formatter's per-call allocations
 * (which were a fifth of ingest's CPU). Anything else returns null and the caller falls back
 * to the formatters, so rarer forms (region ids, offsets with seconds) still parse. On request it
 * also reads a space in place of the {@code T}, as Spark SQL prints a timestamp
 * ({@code 2026-03-02 09:15:00.25}).
 */
final class IsoTimestamps {

    private IsoTimestamps() {
    }

    /** An {@code OffsetDateTime}-like instant source, a {@link LocalDateTime} or a {@link LocalDate}; null when not handled. */
    static Temporal read(String text) {
        return read(text, false);
    }

    /** As {@link #read(String)}; with {@code spaceForT}, a space may stand between date and time. */
    static Temporal read(String text, boolean spaceForT) {
        int n = text.length();
        if (n < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        try {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            if (year < 0 || month < 0 || day < 0) {
                return null;
            }
            LocalDate date = LocalDate.of(year, month, day);
            if (n == 10) {
                return date;
            }
            return readTime(text, date, spaceForT);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Temporal readTime(String text, LocalDate date, boolean spaceForT) {
        int n = text.length();
        if (n < 16 || !(text.charAt(10) == 'T' || spaceForT && text.charAt(10) == ' ') || text.charAt(13) != ':') {
            return null;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = 0;
        int nanos = 0;
        int i = 16;
        if (i < n && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
                    nanos = nanos * 10 + (text.charAt(i) - '0');
                    i++;
                }
                int width = i - start;
                if (width == 0 || (i < n && isDigit(text.charAt(i)))) {
                    return null;
                }
                for (int k = width; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if (hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                hour, minute, second, nanos);
        if (i == n) {
            return local;
        }
        ZoneOffset offset = offset(text, i);
        return offset == null ? null : local.atOffset(offset);
    }

    private static ZoneOffset offset(String text, int i) {
        int n = text.length();
        char sign = text.charAt(i);
        if (sign == 'Z' && i + 1 == n) {
            return ZoneOffset.UTC;
        }
        if ((sign != '+' && sign != '-') || n != i + 6 || text.charAt(i + 3) != ':') {
            return null;
        }
        int hours = digits(text, i + 1, 2);
        int minutes = digits(text, i + 4, 2);
        if (hours < 0 || minutes < 0) {
            return null;
        }
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    /** The unsigned number of {@code width} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int width) {
        if (from + width > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
