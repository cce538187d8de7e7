package org.cskpi.ingest.job;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cskpi.cli.UserError;

/**
 * Finds the {@link UserError} behind a failed Spark job. A reader or validator that fails in a
 * task (a truncated gzip, invalid bytes, a missing customer key) throws a UserError there;
 * Spark hands the driver a SparkException whose cause, or at least whose message, carries it.
 */
final class SparkFailures {

    private static final Pattern IN_MESSAGE = Pattern.compile(Pattern.quote(UserError.class.getName()) + ": ([^\\n]*)");

    private SparkFailures() {
    }

    static Optional<UserError> userError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UserError error) {
                return Optional.of(error);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher matcher = IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return Optional.of(new UserError(matcher.group(1).strip(), failure));
            }
        }
        return Optional.empty();
    }
}
