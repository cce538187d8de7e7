package org.cskpi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommentOnlyEditsTest {

    private static final CommentOnlyEdits.Edit V1 = CommentOnlyEdits.EDITS.get(0);

    @Test
    void a_new_store_records_the_edited_checksum_so_the_constant_matches_the_file(@TempDir Path dir) {
        try (Store store = Store.openMigrated("jdbc:h2:" + dir.resolve("cskpi"))) {
            assertThat(checksum(store, "1")).isEqualTo(V1.after());
        }
    }

    @Test
    void a_store_migrated_before_the_edit_opens_and_gets_the_new_checksum(@TempDir Path dir) {
        String url = "jdbc:h2:" + dir.resolve("cskpi");
        try (Store store = Store.openMigrated(url)) {
            setChecksum(store, V1.before());
        }

        try (Store store = Store.openMigrated(url)) {
            assertThat(checksum(store, "1")).isEqualTo(V1.after());
        }
    }

    @Test
    void any_other_mismatch_still_fails_validation(@TempDir Path dir) {
        String url = "jdbc:h2:" + dir.resolve("cskpi");
        try (Store store = Store.openMigrated(url)) {
            setChecksum(store, V1.before() + 1);
        }

        assertThatThrownBy(() -> Store.openMigrated(url).close())
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch");
    }

    private static int checksum(Store store, String version) {
        return store.dsl().select(DSL.field(DSL.name("checksum"), Integer.class))
                .from(DSL.table(DSL.name("flyway_schema_history")))
                .where(DSL.field(DSL.name("version"), String.class).eq(version))
                .fetchOne(0, Integer.class);
    }

    private static void setChecksum(Store store, int checksum) {
        store.dsl().update(DSL.table(DSL.name("flyway_schema_history")))
                .set(DSL.field(DSL.name("checksum"), Integer.class), checksum)
                .where(DSL.field(DSL.name("version"), String.class).eq("1"))
                .execute();
    }
}
