package org.cskpi.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.cskpi.ingest.canonical.Staged;

/** Test helper: a reader's staged ticket fields by ticket id, to compare with expected name-value pairs. */
public final class StagedFields {

    private StagedFields() {
    }

    /** Staged ticket fields by ticket id (one record per ticket in the fixtures that use it). */
    public static Map<String, Map<String, String>> stagedById(StagedInput input) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (Row row : input.tickets().collectAsList()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : Staged.FIELDS) {
                fields.put(name, row.getAs(name));
            }
            assertThat(rows.put(row.getAs("ticket_id"), fields)).isNull();
        }
        return rows;
    }

    /** name, value, name, value … (values may be null). */
    public static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
