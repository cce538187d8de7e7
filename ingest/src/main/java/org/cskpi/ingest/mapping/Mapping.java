package org.cskpi.ingest.mapping;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed mapping file (docs/mappings.md). Immutable and serializable: Spark ships it to the tasks
 * that read the files.
 *
 * @param source           value of the {@code source} column; null for survey responses without one
 * @param timezone         zone id for timestamps without an offset; null means "the --source-tz default"
 * @param delimiter        field delimiter
 * @param encoding         Java charset name the file is strictly decoded in
 * @param header           whether the first record names the columns (else c1, c2, ...)
 * @param nullValues       cell texts (after trimming) read as null
 * @param columns          canonical column to the source headers feeding it, first non-null wins
 * @param timestampFormats {@code DateTimeFormatter} patterns tried before ISO-8601
 * @param values           canonical column to {lower-cased source text: canonical value}
 * @param constants        canonical column to the value used when its cell is null or absent
 */
public record Mapping(String source, String timezone, char delimiter, String encoding, boolean header,
                      Set<String> nullValues, Map<String, List<String>> columns, List<String> timestampFormats,
                      Map<String, Map<String, String>> values, Map<String, String> constants)
        implements Serializable {

    public Mapping {
        nullValues = Set.copyOf(nullValues);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        timestampFormats = List.copyOf(timestampFormats);
        values = Map.copyOf(values);
        constants = Map.copyOf(constants);
    }

    /**
     * The mapping of cskpi's own CSV formats: comma-separated UTF-8 with a header naming the
     * canonical {@code columns} themselves, empty cells null, no value maps or constants.
     */
    public static Mapping identity(String source, List<String> columns) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (String column : columns) {
            byName.put(column, List.of(column));
        }
        return new Mapping(source, null, ',', "UTF-8", true, Set.of(""), byName, List.of(), Map.of(), Map.of());
    }

    public Optional<String> timezoneId() {
        return Optional.ofNullable(timezone);
    }

    /** True when {@code column} comes from a source header or a constant. */
    public boolean provides(String column) {
        return columns.containsKey(column) || constants.containsKey(column);
    }

    /**
     * The canonical value of one cell text: trimmed, null when empty or a null value, then
     * through {@code values} (keys match case-insensitively).
     */
    public String cell(String column, String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || nullValues.contains(trimmed)) {
            return null;
        }
        Map<String, String> map = values.get(column);
        if (map != null) {
            String mapped = map.get(trimmed.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                return mapped;
            }
        }
        return trimmed;
    }

    /** A cell text trimmed and nulled as {@link #cell} does, before any value map. */
    public String rawCell(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() || nullValues.contains(trimmed) ? null : trimmed;
    }
}
