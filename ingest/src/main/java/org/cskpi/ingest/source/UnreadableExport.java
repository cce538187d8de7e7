package org.cskpi.ingest.source;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.cskpi.cli.UserError;

/** The one-line error for an export file that cannot be read far enough to tell what it holds. */
public final class UnreadableExport {

    private UnreadableExport() {
    }

    /** Where the file's JSON breaks, or why it could not be read (a truncated gzip), and what was {@code expected}. */
    public static UserError error(Path path, IOException e, String expected) {
        if (e instanceof JsonParseException json) {
            return new UserError(path + ": not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + "): " + json.getOriginalMessage() + "; expected " + expected, e);
        }
        return new UserError(path + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); a truncated or damaged download?", e);
    }
}
