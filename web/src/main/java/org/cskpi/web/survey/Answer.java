package org.cskpi.web.survey;

import org.cskpi.invitation.Invitation;

/**
 * One thing a customer sent: a first score with an optional comment ({@link Kind#FIRST}), a new
 * comment for an answer already given ({@link Kind#COMMENT}, {@code score} null), or a new score
 * for it ({@link Kind#SCORE}, {@code comment} null: the stored comment stays).
 */
public record Answer(Kind kind, Invitation invitation, Integer score, String comment, String locale) {

    public enum Kind { FIRST, COMMENT, SCORE }

    /** A first answer when {@code score} is set, else a comment edit. */
    public Answer(Invitation invitation, Integer score, String comment, String locale) {
        this(score != null ? Kind.FIRST : Kind.COMMENT, invitation, score, comment, locale);
    }

    /** A changed score for an answered invitation, within the edit window. */
    public static Answer scoreChange(Invitation invitation, int score, String locale) {
        return new Answer(Kind.SCORE, invitation, score, null, locale);
    }
}
