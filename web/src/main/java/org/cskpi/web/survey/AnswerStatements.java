package org.cskpi.web.survey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * The answer writer's own connection (auto-commit off) with its four statements prepared
 * once ({@link SurveySql}): the group commit binds and runs them for each answer and commits
 * once per batch. Used by the writer thread only.
 */
final class AnswerStatements implements AutoCloseable {

    /** The stored answer to an invitation. */
    record Existing(long id, OffsetDateTime answeredAt) {
    }

    private final Connection connection;
    private final PreparedStatement existing;
    private final PreparedStatement insertFirst;
    private final PreparedStatement updateComment;
    private final PreparedStatement updateScore;

    private AnswerStatements(Connection connection) throws SQLException {
        this.connection = connection;
        this.existing = connection.prepareStatement(SurveySql.EXISTING_ANSWER);
        this.insertFirst = connection.prepareStatement(SurveySql.INSERT_FIRST_ANSWER);
        this.updateComment = connection.prepareStatement(SurveySql.UPDATE_COMMENT);
        this.updateScore = connection.prepareStatement(SurveySql.UPDATE_SCORE);
    }

    static AnswerStatements open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            return new AnswerStatements(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** The answer already stored for the invitation (committed, or earlier in this transaction), or null. */
    Existing existing(long invitationId) throws SQLException {
        existing.setLong(1, invitationId);
        try (ResultSet row = existing.executeQuery()) {
            return row.next() ? new Existing(row.getLong(1), row.getObject(2, OffsetDateTime.class)) : null;
        }
    }

    /** Stores the answer unless the invitation has one; true if it was stored. */
    boolean insertFirst(Answer answer, OffsetDateTime answeredAt) throws SQLException {
        insertFirst.setLong(1, answer.invitation().id());
        insertFirst.setString(2, answer.invitation().ticketId());
        insertFirst.setString(3, answer.invitation().customerId());
        insertFirst.setInt(4, answer.score());
        insertFirst.setString(5, answer.comment());
        insertFirst.setString(6, answer.locale());
        insertFirst.setObject(7, answeredAt);
        insertFirst.setLong(8, answer.invitation().id());
        return insertFirst.executeUpdate() == 1;
    }

    void updateComment(long answerId, String comment, OffsetDateTime updatedAt) throws SQLException {
        updateComment.setString(1, comment);
        updateComment.setObject(2, updatedAt);
        updateComment.setLong(3, answerId);
        updateComment.executeUpdate();
    }

    void updateScore(long answerId, int score) throws SQLException {
        updateScore.setInt(1, score);
        updateScore.setLong(2, answerId);
        updateScore.executeUpdate();
    }

    /** Returns once the transaction is committed (with {@code WRITE_DELAY=0}: in the file). */
    void commit() throws SQLException {
        connection.commit();
    }

    /** Rolls back what is uncommitted and closes the connection; for a writer giving up on it. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException ignored) {
            // a connection that fails to roll back or close is being thrown away anyway
        }
    }
}
