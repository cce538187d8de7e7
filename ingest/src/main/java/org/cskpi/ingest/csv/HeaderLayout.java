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
