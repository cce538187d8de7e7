package org.cskpi.web.survey;

import org.cskpi.invitation.Invitation;

/**
 * One thing a customer sent: a score with an optional comment, or ({@code score} null) a new
 * comment for an answer already given.
 */
public record Answer(Invitation invitation, Integer score, String comment, String locale) {
}
