package org.cskpi.web.query;

/** A query that did not run or did not finish, with a message for the analyst. */
public final class QueryRefused extends RuntimeException {
    public QueryRefused(String message) {
        super(message);
    }
}
