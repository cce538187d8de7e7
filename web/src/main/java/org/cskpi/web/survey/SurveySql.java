package org.cskpi.web.survey;

import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;

import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * The survey's hot-path statements, written with jOOQ's typed DSL (so the generated schema
 * checks every table and column) and rendered to SQL ONCE, here. Survey requests bind values to
 * JDBC prepared statements made from these strings and kept open ({@link StateReader},
 * {@link AnswerStatements}); rendering a jOOQ query on every request cost about a quarter of
 * the server's CPU per answer (docs/benchmarks.md, "Survey under load").
 *
 * <p>Each constant lists its {@code ?} parameters in order; the classes that bind them are the
 * only users; {@code StateReaderTest} and {@code AnswerWriterTest} run every statement against a
 * migrated store.
 */
final class SurveySql {

    private static final DSLContext H2 = DSL.using(SQLDialect.H2);

    /**
     * A link's invitation and its answer, if any. Parameter: token hash. Columns: invitation id,
     * source, ticket id, customer id, locale, created at, expires at, answered at, score, comment.
     */
    static final String STATE = H2.select(SURVEY_INVITATIONS.ID, SURVEY_INVITATIONS.SOURCE,
                    SURVEY_INVITATIONS.TICKET_ID, SURVEY_INVITATIONS.CUSTOMER_ID, SURVEY_INVITATIONS.LOCALE,
                    SURVEY_INVITATIONS.CREATED_AT, SURVEY_INVITATIONS.EXPIRES_AT,
                    SURVEY_RESPONSES.ANSWERED_AT, SURVEY_RESPONSES.SCORE, SURVEY_RESPONSES.COMMENT)
            .from(SURVEY_INVITATIONS)
            .leftJoin(SURVEY_RESPONSES).on(SURVEY_RESPONSES.INVITATION_ID.eq(SURVEY_INVITATIONS.ID))
            .where(SURVEY_INVITATIONS.TOKEN_HASH.eq(param(SURVEY_INVITATIONS.TOKEN_HASH.getDataType())))
            .getSQL(ParamType.INDEXED);

    /** The answer to an invitation (for a comment edit). Parameter: invitation id. Columns: answer id, answered at. */
    static final String EXISTING_ANSWER = H2.select(SURVEY_RESPONSES.ID, SURVEY_RESPONSES.ANSWERED_AT)
            .from(SURVEY_RESPONSES)
            .where(SURVEY_RESPONSES.INVITATION_ID.eq(param(SURVEY_RESPONSES.INVITATION_ID.getDataType())))
            .getSQL(ParamType.INDEXED);

    /**
     * A first answer from the survey, stored only if the invitation has none yet: one statement,
     * so an answer's score and comment are stored together or not at all (update count 1 or 0).
     * Parameters: invitation id, ticket id, customer id, score, comment, locale, answered at,
     * invitation id again.
     */
    static final String INSERT_FIRST_ANSWER = H2.insertInto(SURVEY_RESPONSES,
                    SURVEY_RESPONSES.INVITATION_ID, SURVEY_RESPONSES.TICKET_ID, SURVEY_RESPONSES.CUSTOMER_ID,
                    SURVEY_RESPONSES.SCORE, SURVEY_RESPONSES.COMMENT, SURVEY_RESPONSES.LOCALE,
                    SURVEY_RESPONSES.ANSWERED_AT, SURVEY_RESPONSES.ORIGIN)
            .select(DSL.select(param(SURVEY_RESPONSES.INVITATION_ID.getDataType()),
                            param(SURVEY_RESPONSES.TICKET_ID.getDataType()),
                            param(SURVEY_RESPONSES.CUSTOMER_ID.getDataType()),
                            param(SURVEY_RESPONSES.SCORE.getDataType()),
                            param(SURVEY_RESPONSES.COMMENT.getDataType()),
                            param(SURVEY_RESPONSES.LOCALE.getDataType()),
                            param(SURVEY_RESPONSES.ANSWERED_AT.getDataType()),
                            DSL.inline("survey"))
                    .whereNotExists(DSL.selectOne().from(SURVEY_RESPONSES)
                            .where(SURVEY_RESPONSES.INVITATION_ID.eq(param(SURVEY_RESPONSES.INVITATION_ID.getDataType())))))
            .getSQL(ParamType.INDEXED);

    /** A changed comment. Parameters: comment, comment updated at, answer id. */
    static final String UPDATE_COMMENT = H2.update(SURVEY_RESPONSES)
            .set(SURVEY_RESPONSES.COMMENT, param(SURVEY_RESPONSES.COMMENT.getDataType()))
            .set(SURVEY_RESPONSES.COMMENT_UPDATED_AT, param(SURVEY_RESPONSES.COMMENT_UPDATED_AT.getDataType()))
            .where(SURVEY_RESPONSES.ID.eq(param(SURVEY_RESPONSES.ID.getDataType())))
            .getSQL(ParamType.INDEXED);

    /**
     * A changed score; the answer keeps its time ({@code answered_at} anchors the edit window)
     * and its comment. Parameters: score, answer id.
     */
    static final String UPDATE_SCORE = H2.update(SURVEY_RESPONSES)
            .set(SURVEY_RESPONSES.SCORE, param(SURVEY_RESPONSES.SCORE.getDataType()))
            .where(SURVEY_RESPONSES.ID.eq(param(SURVEY_RESPONSES.ID.getDataType())))
            .getSQL(ParamType.INDEXED);

    private SurveySql() {
    }

    private static <T> Param<T> param(DataType<T> type) {
        return DSL.param("p", type);
    }
}
