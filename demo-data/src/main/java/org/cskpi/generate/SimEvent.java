package org.cskpi.generate;

/**
 * One thing that happened to a ticket, in epoch seconds: a Zendesk audit, a Freshdesk
 * conversation entry. {@code statusTo} is null when the status did not change.
 */
record SimEvent(long at, Kind kind, long authorId, String statusFrom, String statusTo) {

    enum Kind {
        /** The customer's first message; status becomes {@code new}. */
        CREATED,
        /** A trigger assigns agent and group; status new -> open. */
        ASSIGNED,
        /** A public agent reply (counts as a response). */
        AGENT_REPLY,
        /** A private agent note (never a response). */
        AGENT_NOTE,
        /** A public customer message. */
        CUSTOMER_REPLY,
        /** A status change without a comment (solved without a reply, closed by automation). */
        STATUS_CHANGE
    }

    boolean hasComment() {
        return kind != Kind.ASSIGNED && kind != Kind.STATUS_CHANGE;
    }

    boolean isPublicComment() {
        return hasComment() && kind != Kind.AGENT_NOTE;
    }

    boolean isAgentReply() {
        return kind == Kind.AGENT_REPLY;
    }

    boolean isSolve() {
        return "solved".equals(statusTo);
    }

    boolean isReopen() {
        return "solved".equals(statusFrom) && statusTo != null && !"closed".equals(statusTo);
    }
}
