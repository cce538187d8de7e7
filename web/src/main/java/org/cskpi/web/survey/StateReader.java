package org.cskpi.web.survey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.cskpi.invitation.Invitation;
import org.jooq.exception.DataAccessException;

/**
 * Reads a survey link's invitation and answer ({@link SurveySql#STATE}) on every survey
 * request. A few lookups, each a connection with the statement prepared once, are shared by
 * the request threads: one is borrowed per read, so no request renders, parses or plans SQL or
 * goes through the connection pool. A lookup whose connection failed is reopened on next use
 * (the store may have been taken over by another process in H2's mixed mode).
 */
final class StateReader implements AutoCloseable {

    /** A link's invitation and, once answered, when and with which score and comment. */
    record Found(Invitation invitation, OffsetDateTime answeredAt, Integer score, String comment) {
    }

    private final DataSource dataSource;
    private final BlockingQueue<Lookup> lookups;
    private volatile boolean closed;

    StateReader(DataSource dataSource, int connections) {
        this.dataSource = dataSource;
        this.lookups = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            lookups.add(new Lookup());
        }
    }

    /** The invitation whose token has this SHA-256 hash, with its answer if any. */
    Optional<Found> find(String tokenHash) {
        Lookup lookup = borrow();
        try {
            return lookup.find(dataSource, tokenHash);
        } catch (SQLException e) {
            lookup.discard();
            throw new DataAccessException("reading a survey link's state failed", e);
        } finally {
            if (closed) {
                lookup.discard();
            }
            lookups.add(lookup);
        }
    }

    private Lookup borrow() {
        if (closed) {
            throw new IllegalStateException("the survey state reader is closed");
        }
        try {
            return lookups.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a survey state lookup", e);
        }
    }

    /** Closes the connections of idle lookups; a lookup in use closes its own when returned. */
    @Override
    public void close() {
        closed = true;
        lookups.forEach(Lookup::discard);
    }

    private static final class Lookup {
        private Connection connection;
        private PreparedStatement statement;

        synchronized Optional<Found> find(DataSource dataSource, String tokenHash) throws SQLException {
            if (statement == null) {
                connection = dataSource.getConnection();
                statement = connection.prepareStatement(SurveySql.STATE);
            }
            statement.setString(1, tokenHash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Invitation invitation = new Invitation(row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant(),
                        row.getObject(7, OffsetDateTime.class).toInstant());
                return Optional.of(new Found(invitation, row.getObject(8, OffsetDateTime.class),
                        row.getObject(9, Integer.class), row.getString(10)));
            }
        }

        synchronized void discard() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the connection is being thrown away because it failed or the app stops
                }
            }
            connection = null;
            statement = null;
        }
    }
}
