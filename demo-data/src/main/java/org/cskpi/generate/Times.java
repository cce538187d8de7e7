package org.cskpi.generate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Fast timestamp text (the generator writes tens of millions): ISO-8601 UTC with {@code Z}
 * ({@code 2026-11-02T09:15:04Z}, what Zendesk and the canonical CSV use) and local wall-clock
 * {@code yyyy-MM-dd HH:mm:ss} in a zone (Freshdesk's export). Epoch seconds in, text out.
 */
final class Times {

    private final ZoneRules localRules;

    Times(ZoneId localZone) {
        this.localRules = localZone.getRules();
    }

    static String isoUtc(long epochSecond) {
        StringBuilder out = new StringBuilder(20);
        append(out, LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC), 'T');
        return out.append('Z').toString();
    }

    String local(long epochSecond) {
        ZoneOffset offset = localRules.getOffset(java.time.Instant.ofEpochSecond(epochSecond));
        StringBuilder out = new StringBuilder(19);
        append(out, LocalDateTime.ofEpochSecond(epochSecond, 0, offset), ' ');
        return out.toString();
    }

    private static void append(StringBuilder out, LocalDateTime t, char separator) {
        out.append(t.getYear()).append('-');
        two(out, t.getMonthValue()).append('-');
        two(out, t.getDayOfMonth()).append(separator);
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond());
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
