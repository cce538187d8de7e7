package org.cskpi.web.survey;

/** What storing an {@link Answer} did; every value is known to be committed. */
public enum AnswerOutcome {
    /** The first score for the invitation (and its comment) is stored. */
    RECORDED,
    /** The invitation was answered within the edit window: its comment was replaced, its score kept. */
    COMMENT_UPDATED,
    /** A score for an invitation already answered, or a comment after the edit window: nothing changed. */
    ALREADY_ANSWERED,
    /** A comment for an invitation with no score yet: nothing changed. */
    NOT_ANSWERED
}
