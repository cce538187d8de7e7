package org.cskpi.ingest.responses;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.validate.CustomerHash;
import org.cskpi.ingest.validate.TimestampParser;

/**
 * Row rules for imported answers (docs/mappings.md#survey-responses, the ingest rules): a ticket or
 * a customer, a score that is an integer 0–10 written as digits ({@code NA}, {@code 7.5},
 * {@code 11} are quarantined), a readable {@code answered_at}; comment and locale within the
 * store's column sizes. E-mail customer ids become the same keyed hash ingest uses.
 */
final class ResponseValidator {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,2}");

    /** The verdict on one row: a response, or the reason it was quarantined. */
    record Verdict(ResponseRow row, String reason) {
    }

    private final TimestampParser timestamps;
    private final String customerKey;

    ResponseValidator(TimestampParser timestamps, String customerKey) {
        this.timestamps = timestamps;
        this.customerKey = customerKey;
    }

    Verdict check(Map<String, String> values) {
        String ticket = values.get("ticket_id");
        String customer = values.get("customer_id");
        if (ticket == null && customer == null) {
            return reject("missing ticket_id and customer_id");
        }
        String score = values.get("score");
        if (score == null) {
            return reject("missing score");
        }
        if (!DIGITS.matcher(score).matches() || Integer.parseInt(score) > 10) {
            return reject("score is not an integer 0-10: \"" + score + "\"");
        }
        String answered = values.get("answered_at");
        if (answered == null) {
            return reject("missing answered_at");
        }
        TimestampParser.Parsed at = timestamps.parse(answered);
        if (at == null) {
            return reject("unparseable answered_at: \"" + answered + "\"");
        }
        String comment = values.get("comment");
        if (comment != null && comment.length() > 2000) {
            return reject("comment is longer than 2000 characters");
        }
        String locale = values.get("locale");
        if (locale != null && locale.length() > 35) {
            return reject("locale is longer than 35 characters: \"" + locale + "\"");
        }
        return new Verdict(new ResponseRow(ticket, customer(customer), Integer.parseInt(score), comment, locale,
                at.instant().truncatedTo(ChronoUnit.MILLIS)), null);
    }

    private String customer(String id) {
        if (id == null || !id.contains("@")) {
            return id;
        }
        if (customerKey == null) {
            throw new UserError("customers are identified by e-mail address in this file, and ingest.customer_key is not set: "
                    + "set ingest.customer_key in cskpi.yaml (addresses are stored only as a keyed hash)");
        }
        return new CustomerHash(customerKey).of(id);
    }

    private static Verdict reject(String reason) {
        return new Verdict(null, reason);
    }
}
