package org.cskpi.store;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Migrations whose comments were edited after they shipped. Flyway checksums every line,
 * comments included, so a store migrated before such an edit would fail validation. For each
 * edit the checksum before and after is known; a store holding exactly the old one gets the new
 * one, and any other mismatch still fails as Flyway intends (a changed statement is never
 * accepted this way).
 */
final class CommentOnlyEdits {

    /** One edit: the version and its checksum before and after. */
    record Edit(String version, int before, int after) {
    }

    /** V1's comments cited files outside the repository; they cite docs/ since issue 18. */
    static final List<Edit> EDITS = List.of(new Edit("1", -1_907_485_112, 93_182_701));

    private CommentOnlyEdits() {
    }

    /** Brings the recorded checksums of {@link #EDITS} up to date; returns how many rows changed. */
    static int accept(DSLContext dsl) {
        boolean migratedBefore = dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("INFORMATION_SCHEMA", "TABLES")))
                .where(DSL.field(DSL.name("TABLE_NAME")).eq("flyway_schema_history")));
        if (!migratedBefore) {
            return 0;
        }
        int changed = 0;
        for (Edit edit : EDITS) {
            changed += dsl.update(DSL.table(DSL.name("flyway_schema_history")))
                    .set(DSL.field(DSL.name("checksum"), Integer.class), edit.after())
                    .where(DSL.field(DSL.name("version"), String.class).eq(edit.version()))
                    .and(DSL.field(DSL.name("checksum"), Integer.class).eq(edit.before()))
                    .execute();
        }
        return changed;
    }
}
