package org.cskpi.ingest.zendesk;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.try_element_at;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where a Zendesk ticket's category comes from. The field is the one configured
 * ({@code ingest.zendesk.category_field}, a ticket field id), else the dropdown ("tagger")
 * ticket field titled "Category" (any case) when a {@code ticket_fields} page is given. The
 * ticket's value of that custom field is its option's tag {@code value}; the category is the
 * option's {@code name} when the options are known, else the value as it is.
 */
record ZendeskCategory(Optional<String> fieldId, Map<String, String> optionNames) {

    static final ZendeskCategory NONE = new ZendeskCategory(Optional.empty(), Map.of());

    /** Chooses the field from the configured id and the (small, collected) ticket_fields records. */
    static ZendeskCategory from(Optional<String> configured, Dataset<Row> fields) {
        List<Row> rows = fields.select(col("r.id"), col("r.type"), col("r.title"), col("r.custom_field_options"))
                .filter(col("id").isNotNull()).collectAsList();
        Optional<Row> field = configured
                .map(id -> rows.stream().filter(r -> id.equals(r.getString(0))).findFirst())
                .orElseGet(() -> rows.stream().filter(ZendeskCategory::isCategoryDropdown).findFirst());
        Optional<String> id = configured.or(() -> field.map(r -> r.getString(0)));
        Map<String, String> names = new LinkedHashMap<>();
        field.filter(r -> !r.isNullAt(3)).ifPresent(r -> {
            for (Row option : r.<Row>getList(3)) {
                if (!option.isNullAt(1) && !option.isNullAt(0)) {
                    names.put(option.getString(1), option.getString(0));
                }
            }
        });
        return new ZendeskCategory(id, Map.copyOf(names));
    }

    /** The category of a ticket from its {@code custom_fields} (else {@code fields}) array. */
    Column of(Column customFields, Column fields) {
        if (fieldId.isEmpty()) {
            return lit(null).cast("string");
        }
        Column id = lit(fieldId.get());
        Column value = coalesce(
                try_element_at(filter(customFields, f -> f.getField("id").equalTo(id)), lit(1)).getField("value"),
                try_element_at(filter(fields, f -> f.getField("id").equalTo(id)), lit(1)).getField("value"));
        if (optionNames.isEmpty()) {
            return value;
        }
        List<Column> entries = new ArrayList<>();
        optionNames.forEach((tag, name) -> {
            entries.add(lit(tag));
            entries.add(lit(name));
        });
        return coalesce(try_element_at(map(entries.toArray(Column[]::new)), value), value);
    }

    private static boolean isCategoryDropdown(Row field) {
        String type = field.isNullAt(1) ? "" : field.getString(1).toLowerCase(Locale.ROOT);
        String title = field.isNullAt(2) ? "" : field.getString(2).trim();
        return (type.equals("tagger") || type.equals("dropdown")) && title.equalsIgnoreCase("category");
    }
}
