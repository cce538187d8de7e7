package org.cskpi.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.cskpi.cli.UserError;
import org.cskpi.files.OwnerOnly;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.exception.DataAccessException;

/**
 * A process's first login to a local file store: proves that the password works, gives a
 * store made by an earlier cskpi (admin with an empty password) the password, and makes the
 * store's files owner-only (H2 creates them with the process umask).
 */
final class FileStoreLogin {

    private static final List<String> STORE_FILES = List.of(".mv.db", ".lock.db", ".trace.db", StorePassword.FILE_SUFFIX);

    private FileStoreLogin() {
    }

    static void check(JdbcConnectionPool pool, String url, Path database, StorePassword password) {
        if (!loginWorks(pool)) {
            if (upgraded(url, password)) {
                System.err.println("cskpi: upgraded the KPI store " + database + ": its admin password, empty in"
                        + " earlier versions, is now the one in " + password.source() + ", and its files are owner-only");
            } else if (!loginWorks(pool)) { // unless another process upgraded it a moment ago
                throw new UserError("the KPI store " + database + " refuses the password in " + password.source()
                        + ". To start afresh (its KPIs, answers and logins are lost), remove " + database
                        + ".mv.db and " + StorePassword.fileFor(database) + ", or use a new --data-dir");
            }
        }
        tighten(database);
    }

    private static boolean loginWorks(JdbcConnectionPool pool) {
        try (Connection ignored = pool.getConnection()) {
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                return false;
            }
            throw new DataAccessException(e.getMessage(), e);
        }
    }

    /** True if the store still had the empty admin password, now replaced by {@code password}. */
    private static boolean upgraded(String url, StorePassword password) {
        try (Connection old = DriverManager.getConnection(url, StoreSettings.ADMIN, "");
             PreparedStatement alter = old.prepareStatement("ALTER USER " + StoreSettings.ADMIN + " SET PASSWORD ?")) {
            alter.setString(1, password.value());
            alter.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                return false;
            }
            throw new DataAccessException(e.getMessage(), e);
        }
    }

    private static void tighten(Path database) {
        try {
            for (String suffix : STORE_FILES) {
                Path file = database.resolveSibling(database.getFileName() + suffix);
                if (Files.exists(file)) {
                    OwnerOnly.tighten(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the KPI store's files owner-only", e);
        }
    }
}
