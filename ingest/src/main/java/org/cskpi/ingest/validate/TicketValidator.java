package org.cskpi.ingest.validate;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.canonical.Staged;
import org.cskpi.ingest.canonical.Tickets;

/**
 * Validates and normalises one staged row (the ingest issue's rules and
 * docs/mappings.md#row-rules-and-quarantine): the first failing rule quarantines the row with a
 * reason naming the field and the text. Accepted rows get canonical channel (unknown:
 * {@code other}, flagged), category (trimmed, lower-cased in {@code Locale.ROOT},
 * {@code uncategorised} when null), status, typed timestamps (UTC instants) and counts, and an
 * e-mail-only customer replaced by its keyed hash.
 */
public final class TicketValidator implements Serializable {

    private static final List<String> TIMESTAMPS = List.of(Tickets.CREATED_AT, Tickets.FIRST_RESPONSE_AT,
            Tickets.RESOLVED_AT, Tickets.FINAL_RESOLVED_AT, Tickets.UPDATED_AT);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

    private final TimestampParser timestamps;
    private final String customerKey;
    private final Map<String, Integer> fileIndexes;
    private transient CustomerHash hash;

    /** {@code customerKey} may be null: a row that needs it then fails the run, naming the key. */
    public TicketValidator(TimestampParser timestamps, String customerKey, Map<String, Integer> fileIndexes) {
        this.timestamps = timestamps;
        this.customerKey = customerKey;
        this.fileIndexes = Map.copyOf(fileIndexes);
    }

    /** Thrown inside a row check: the row is quarantined with this reason. */
    private static final class Rejected extends Exception {
        final String kind;

        Rejected(String kind, String reason) {
            super(reason, null, false, false);
            this.kind = kind;
        }
    }

    /** Validates one row of {@code Staged.SCHEMA_WITH_PROBLEM} into one row of {@code Validated.SCHEMA}. */
    public Row validate(Row staged) {
        Object[] out = new Object[Validated.SCHEMA.size()];
        int base = Tickets.SCHEMA.size();
        String file = staged.getAs(Staged.FILE);
        out[base] = file;
        out[base + 1] = fileIndexes.getOrDefault(file, 0);
        out[base + 2] = staged.getAs(Staged.LINE);
        out[base + 3] = staged.getAs(Staged.RAW);
        out[base + 6] = false;
        int[] dst = new int[2];
        try {
            fill(staged, out, dst);
        } catch (Rejected | UserError e) {
            java.util.Arrays.fill(out, 0, base, null);
            out[base + 4] = e instanceof Rejected r ? r.kind : Validated.FATAL_KIND;
            out[base + 5] = e.getMessage();
            out[base + 6] = false;
            out[base + 9] = null;
            dst[0] = 0;
            dst[1] = 0;
        }
        out[base + 7] = dst[0];
        out[base + 8] = dst[1];
        return RowFactory.create(out);
    }

    private void fill(Row staged, Object[] out, int[] dst) throws Rejected {
        String problem = staged.getAs(Staged.PROBLEM);
        if (problem != null && problem.startsWith(Staged.FATAL)) {
            throw new Rejected(Validated.FATAL_KIND, problem.substring(Staged.FATAL.length()));
        }
        if (problem != null) {
            throw new Rejected("field count mismatch", problem);
        }
        String ticketId = text(staged, Tickets.TICKET_ID);
        if (ticketId == null) {
            throw new Rejected("missing ticket_id", "missing ticket_id");
        }
        String source = text(staged, Tickets.SOURCE);
        if (source == null) {
            throw new Rejected("missing source", "missing source");
        }
        if (text(staged, Tickets.CREATED_AT) == null) {
            throw new Rejected("missing created_at", "missing created_at");
        }
        Instant[] times = new Instant[TIMESTAMPS.size()];
        for (int i = 0; i < TIMESTAMPS.size(); i++) {
            times[i] = instant(staged, TIMESTAMPS.get(i), dst);
        }
        notBefore(Tickets.FIRST_RESPONSE_AT, times[1], times[0]);
        notBefore(Tickets.RESOLVED_AT, times[2], times[0]);
        Integer reopens = count(staged, Tickets.REOPENS);
        Integer replies = count(staged, Tickets.AGENT_REPLIES);
        String status = text(staged, Tickets.STATUS);
        if (status == null) {
            throw new Rejected("missing status", "missing status");
        }
        status = status.toLowerCase(Locale.ROOT);
        if (!Tickets.STATUSES.contains(status)) {
            throw new Rejected("non-canonical status", "status \"" + status + "\" is not one of " + Tickets.STATUSES
                    + " (map it under values.status)");
        }
        String channel = text(staged, Tickets.CHANNEL);
        channel = channel == null ? "other" : channel.toLowerCase(Locale.ROOT);
        if (!Tickets.CHANNELS.contains(channel)) {
            out[Tickets.SCHEMA.size() + 6] = true;
            channel = "other";
        }
        String category = text(staged, Tickets.CATEGORY);
        category = category == null ? Tickets.UNCATEGORISED : category.toLowerCase(Locale.ROOT);
        Object[] values = {ticketId, source, customer(staged), channel, category, text(staged, Tickets.PRIORITY),
            text(staged, Tickets.AGENT_ID), text(staged, Tickets.TEAM), status, ts(times[0]), ts(times[1]),
            ts(times[2]), ts(times[3]), reopens, replies, ts(times[4]), text(staged, Tickets.LOCALE),
            text(staged, Tickets.RAW_CHANNEL), text(staged, Tickets.RAW_STATUS)};
        System.arraycopy(values, 0, out, 0, values.length);
        out[Tickets.SCHEMA.size() + 9] = address(staged);
    }

    /**
     * The customer's address for survey e-mails: a {@code customer_id} that is one, else
     * {@code customer_email}; null when neither looks like an address (one {@code @}, no spaces,
     * at most 320 characters).
     */
    private static String address(Row staged) {
        String id = text(staged, Tickets.CUSTOMER_ID);
        String address = id != null && id.contains("@") ? id : text(staged, Staged.CUSTOMER_EMAIL);
        return address != null && address.length() <= 320 && ADDRESS.matcher(address).matches() ? address : null;
    }

    private String customer(Row staged) {
        String id = text(staged, Tickets.CUSTOMER_ID);
        String email = text(staged, Staged.CUSTOMER_EMAIL);
        if (id != null && !id.contains("@")) {
            return id;
        }
        String address = id != null ? id : email;
        if (address == null) {
            return null;
        }
        if (customerKey == null) {
            throw new UserError("customers are identified by e-mail address in this export, and ingest.customer_key is not set: "
                    + "set ingest.customer_key in cskpi.yaml to a secret (addresses are stored only as a keyed hash)");
        }
        if (hash == null) {
            hash = new CustomerHash(customerKey);
        }
        return hash.of(address);
    }

    private Instant instant(Row staged, String field, int[] dst) throws Rejected {
        String text = text(staged, field);
        if (text == null) {
            return null;
        }
        TimestampParser.Parsed parsed = timestamps.parse(text);
        if (parsed == null) {
            throw new Rejected("unparseable timestamp", "unparseable " + field + ": \"" + text + "\"");
        }
        if (parsed.dst() == TimestampParser.Dst.GAP) {
            dst[0]++;
        } else if (parsed.dst() == TimestampParser.Dst.OVERLAP) {
            dst[1]++;
        }
        return parsed.instant();
    }

    private static void notBefore(String field, Instant value, Instant created) throws Rejected {
        if (value != null && value.isBefore(created)) {
            throw new Rejected(field + " before created_at", field + " " + value + " is before created_at " + created);
        }
    }

    private static Integer count(Row staged, String field) throws Rejected {
        String text = text(staged, field);
        if (text == null) {
            return null;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw new Rejected("count not an integer", field + " is not an integer: \"" + text + "\"");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Rejected("count not an integer", field + " is out of range: \"" + text + "\"");
        }
        if (value < 0) {
            throw new Rejected("negative count", field + " is negative: \"" + text + "\"");
        }
        if (value > Integer.MAX_VALUE) {
            throw new Rejected("count not an integer", field + " is out of range: \"" + text + "\"");
        }
        return (int) value;
    }

    private static String text(Row row, String field) {
        String value = row.getAs(field);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
