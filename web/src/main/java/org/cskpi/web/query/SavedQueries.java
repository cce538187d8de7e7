package org.cskpi.web.query;

import static org.cskpi.store.jooq.Tables.SAVED_QUERIES;
import static org.cskpi.store.jooq.Tables.USERS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

/**
 * Analysts' saved queries (store table {@code saved_queries}): a name and the SQL, per user.
 * Each has a random id (32 bytes, URL-safe base64) that is its share link
 * {@code /query/saved/{id}}: any analyst may open it, only its owner lists, replaces or deletes it.
 */
public final class SavedQueries {

    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One saved query; {@code owner} is its user's name. */
    public record Saved(String id, long userId, String owner, String name, String sql, OffsetDateTime savedAt) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public SavedQueries(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Saves {@code sql} as {@code name} (stripped) for the user: under a new id, or, when the user
     * already has a query of that name, as its new text under its old id (so its link follows).
     * Throws {@link QueryRefused} with the line to show for a blank or too long name or SQL.
     */
    public Saved save(long userId, String name, String sql) {
        String checkedName = checkName(name);
        checkSql(sql);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String id = dsl.transactionResult(tx -> {
            Optional<String> existing = tx.dsl().select(SAVED_QUERIES.ID).from(SAVED_QUERIES)
                    .where(SAVED_QUERIES.USER_ID.eq(userId).and(SAVED_QUERIES.NAME.eq(checkedName)))
                    .forUpdate().fetchOptional(SAVED_QUERIES.ID);
            if (existing.isPresent()) {
                tx.dsl().update(SAVED_QUERIES).set(SAVED_QUERIES.SQL_TEXT, sql).set(SAVED_QUERIES.SAVED_AT, now)
                        .where(SAVED_QUERIES.ID.eq(existing.get())).execute();
                return existing.get();
            }
            String fresh = newId();
            tx.dsl().insertInto(SAVED_QUERIES).set(SAVED_QUERIES.ID, fresh).set(SAVED_QUERIES.USER_ID, userId)
                    .set(SAVED_QUERIES.NAME, checkedName).set(SAVED_QUERIES.SQL_TEXT, sql)
                    .set(SAVED_QUERIES.SAVED_AT, now).execute();
            return fresh;
        });
        return find(id).orElseThrow();
    }

    /** The user's own saved queries, the most recently saved first. */
    public List<Saved> listOf(long userId) {
        return selectSaved().where(SAVED_QUERIES.USER_ID.eq(userId))
                .orderBy(SAVED_QUERIES.SAVED_AT.desc(), SAVED_QUERIES.NAME).fetch(SavedQueries::toSaved);
    }

    /** The saved query of a share link; empty for an unknown id or text that is no id at all. */
    public Optional<Saved> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return selectSaved().where(SAVED_QUERIES.ID.eq(id)).fetchOptional(SavedQueries::toSaved);
    }

    /** Deletes the query {@code id} if {@code userId} owns it; false when it is not theirs or gone. */
    public boolean delete(String id, long userId) {
        return dsl.deleteFrom(SAVED_QUERIES)
                .where(SAVED_QUERIES.ID.eq(id).and(SAVED_QUERIES.USER_ID.eq(userId))).execute() == 1;
    }

    private SelectOnConditionStep<Record> selectSaved() {
        return dsl.select(SAVED_QUERIES.fields()).select(USERS.USERNAME)
                .from(SAVED_QUERIES).join(USERS).on(USERS.ID.eq(SAVED_QUERIES.USER_ID));
    }

    private static Saved toSaved(Record row) {
        return new Saved(row.get(SAVED_QUERIES.ID), row.get(SAVED_QUERIES.USER_ID), row.get(USERS.USERNAME),
                row.get(SAVED_QUERIES.NAME), row.get(SAVED_QUERIES.SQL_TEXT), row.get(SAVED_QUERIES.SAVED_AT));
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new QueryRefused("Give the query a name to save it under.");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new QueryRefused("The name is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        return stripped;
    }

    private static void checkSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new QueryRefused("There is no query to save: the editor is empty.");
        }
        if (sql.length() > SingleStatement.MAX_LENGTH) {
            throw new QueryRefused("The query is longer than " + SingleStatement.MAX_LENGTH + " characters.");
        }
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
