package org.cskpi.ingest.csv;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.mapping.Mapping;

/**
 * Where each canonical column's cells are in the records of one file: the header's field
 * indexes per canonical column (docs/mappings.md#headers: headers match case-insensitively,
 * surrounding spaces and a BOM ignored; one header may feed several columns).
 *
 * @param indexes    canonical column to the field indexes feeding it, first non-null wins
 * @param fieldCount fields a record must have (the header's count)
 * @param dataStart  true when the first record is data (no header line)
 */
record HeaderLayout(Map<String, int[]> indexes, int fieldCount, boolean dataStart) implements Serializable {

    static final List<String> REQUIRED = List.of("ticket_id", "created_at");

    static HeaderLayout of(String file, String[] first, Mapping mapping, HeaderPolicy policy, List<String> required) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            headers.add(mapping.header() ? normalise(first[i]) : "c" + (i + 1));
        }
        if (policy == HeaderPolicy.CANONICAL) {
            for (int i = 0; i < headers.size(); i++) {
                if (!mapping.columns().containsKey(headers.get(i))) {
                    throw new UserError(file + ": header \"" + first[i] + "\" is not a canonical column; expected a header of "
                            + String.join(",", mapping.columns().keySet()) + " (required: " + String.join(", ", required) + ")");
                }
            }
        }
        Map<String, int[]> indexes = new LinkedHashMap<>();
        mapping.columns().forEach((column, names) -> {
            List<Integer> found = new ArrayList<>();
            for (String name : names) {
                int index = headers.indexOf(normalise(name));
                if (index >= 0) {
                    found.add(index);
                } else if (policy == HeaderPolicy.MAPPED || required.contains(column)) {
                    throw missing(file, name, column, first, mapping.header());
                }
            }
            if (!found.isEmpty()) {
                indexes.put(column, found.stream().mapToInt(Integer::intValue).toArray());
            }
        });
        return new HeaderLayout(indexes, first.length, !mapping.header());
    }

    /** Why a record cannot be read by this layout, or null: it must have the header's field count. */
    String fieldCountProblem(String[] fields) {
        return fields.length == fieldCount ? null
                : "field count " + fields.length + " differs from the header's " + fieldCount;
    }

    /** True when a header of the file feeds {@code column}. */
    boolean has(String column) {
        return indexes.containsKey(column);
    }

    /**
     * The first non-null cell among the headers feeding {@code column}, after null values and
     * value maps; null when none is non-null or no header feeds it.
     */
    String cell(String column, String[] fields, Mapping mapping) {
        int[] feeding = indexes.get(column);
        if (feeding == null) {
            return null;
        }
        for (int index : feeding) {
            String value = mapping.cell(column, fields[index]);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The text of the first header feeding {@code column}, as written; null when none feeds it. */
    String firstText(String column, String[] fields) {
        int[] feeding = indexes.get(column);
        return feeding == null ? null : fields[feeding[0]];
    }

    /** The error for a file without a first record: what its first line should have been. */
    static UserError emptyFile(String file, Mapping mapping, List<String> required) {
        return new UserError(file + ": empty file; expected " + (mapping.header()
                ? "a header line naming the columns " + String.join(", ", required) + "..." : "data lines"));
    }

    private static UserError missing(String file, String name, String column, String[] first, boolean header) {
        String has = header ? String.join(", ", cleaned(first)) : "c1..c" + first.length;
        return new UserError(file + ": column \"" + name + "\" (for " + column + ") is not in the file; its header has: " + has);
    }

    private static List<String> cleaned(String[] first) {
        List<String> names = new ArrayList<>();
        for (String name : first) {
            names.add(name == null ? "" : name.replace("\uFEFF", "").strip());
        }
        return names;
    }

    static String normalise(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
