package org.cskpi.web.survey;

/** What storing an {@link Answer} did; every value is known to be committed. */
public enum AnswerOutcome {
    /** The first score for the invitation (and its comment) is stored. */
    RECORDED,
    /** The invitation was answered within the edit window: its comment was replaced, its score kept. */
    COMMENT_UPDATED,
    /** The invitation was answered within the edit window: its score was replaced, its comment kept. */
    SCORE_CHANGED,
    /** A first score for an invitation already answered, or an edit after the edit window: nothing changed. */
    ALREADY_ANSWERED,
    /** An edit for an invitation with no score yet: nothing changed. */
    NOT_ANSWERED
}
