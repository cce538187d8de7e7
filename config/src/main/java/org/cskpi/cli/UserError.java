package org.cskpi.cli;

/**
 * A failure the user can fix (bad input file, wrong option value, missing setting). The
 * launcher prints its message as one line and exits non-zero; no stack trace.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
