package org.cskpi.web.auth;

import static org.cskpi.store.jooq.Tables.USERS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.cskpi.store.jooq.tables.records.UsersRecord;
import org.jooq.DSLContext;

/** Web users in the store's {@code users} table: add, list, remove, change password, log in. */
public final class UserService {

    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final int MAX_PASSWORD_LENGTH = 1_000;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final Clock clock;
    /**
     * Checked when the username is unknown, so a wrong name costs as long as a wrong password.
     * Hashed on a thread of its own from the start: a KDF hash is most of the time of a
     * {@code cskpi user} command, which never needs it.
     */
    private final CompletableFuture<String> decoyHash;

    public UserService(DSLContext dsl, PasswordHasher hasher, Clock clock) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = CompletableFuture.supplyAsync(() -> hasher.hash("decoy password, never matches a login"),
                UserService::onDaemonThread);
    }

    private static void onDaemonThread(Runnable task) {
        Thread thread = new Thread(task, "cskpi-decoy-hash");
        thread.setDaemon(true);
        thread.start();
    }

    /** A user request the caller can fix: bad name, short password, duplicate, unknown user. */
    public static final class UserException extends RuntimeException {
        public UserException(String message) {
            super(message);
        }
    }

    public User add(String username, Role role, String password) {
        checkUsername(username);
        checkPassword(password);
        if (find(username).isPresent()) {
            throw new UserException("user '" + username + "' already exists");
        }
        UsersRecord row = dsl.insertInto(USERS)
                .set(USERS.USERNAME, username)
                .set(USERS.PASSWORD_HASH, hasher.hash(password))
                .set(USERS.ROLE, role.dbName())
                .set(USERS.CREATED_AT, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .returning()
                .fetchOne();
        return toUser(row);
    }

    public List<User> list() {
        return dsl.selectFrom(USERS).orderBy(USERS.USERNAME).fetch(UserService::toUser);
    }

    public Optional<User> find(String username) {
        return dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOptional(UserService::toUser);
    }

    public Optional<User> find(long id) {
        return dsl.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional(UserService::toUser);
    }

    public void remove(String username) {
        if (dsl.deleteFrom(USERS).where(USERS.USERNAME.eq(username)).execute() == 0) {
            throw new UserException("no user '" + username + "'");
        }
    }

    public void changePassword(String username, String password) {
        checkPassword(password);
        int changed = dsl.update(USERS)
                .set(USERS.PASSWORD_HASH, hasher.hash(password))
                .where(USERS.USERNAME.eq(username))
                .execute();
        if (changed == 0) {
            throw new UserException("no user '" + username + "'");
        }
    }

    /** The user whose name and password these are; empty for a wrong name or password alike. */
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        Optional<UsersRecord> row = dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOptional();
        if (row.isEmpty()) {
            hasher.matches(password, decoyHash.join());
            return Optional.empty();
        }
        return hasher.matches(password, row.get().getPasswordHash()) ? row.map(UserService::toUser) : Optional.empty();
    }

    private static void checkUsername(String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw new UserException("user name '" + username
                    + "' is not allowed: use 1-64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserException("password too short: use at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new UserException("password too long: use at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private static User toUser(UsersRecord row) {
        return new User(row.getId(), row.getUsername(), Role.parse(row.getRole()), row.getCreatedAt());
    }
}
