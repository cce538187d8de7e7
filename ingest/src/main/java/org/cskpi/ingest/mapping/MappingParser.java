package org.cskpi.ingest.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cskpi.cli.UserError;
import org.cskpi.config.YamlFiles;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a mapping file (docs/mappings.md#errors) and checks it completely before any row is
 * read: unknown keys, unknown canonical columns, missing required columns, bad delimiter,
 * charset, zone or timestamp pattern are each an error naming the file and the key.
 */
public final class MappingParser {

    private static final Set<String> TOP_KEYS = Set.of("source", "timezone", "csv", "null_values", "columns",
            "timestamp_formats", "values", "constants");
    private static final Set<String> CSV_KEYS = Set.of("delimiter", "encoding", "header");

    private final String name;
    private final MappingTarget target;

    private MappingParser(String name, MappingTarget target) {
        this.name = name;
        this.target = target;
    }

    public static Mapping read(Path file, MappingTarget target) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": mapping file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), target);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read mapping file: " + e.getMessage(), e);
        }
    }

    /** Parses mapping YAML from {@code in}; {@code name} labels error messages. */
    public static Mapping parse(InputStream in, String name, MappingTarget target) {
        Object root;
        try {
            root = YamlFiles.loader().load(in);
        } catch (YAMLException e) {
            throw new UserError(name + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new UserError(name + ": expected a mapping file with key: value settings (see docs/mappings.md)");
        }
        return new MappingParser(name, target).parse(map);
    }

    private Mapping parse(Map<?, ?> root) {
        rejectUnknown("", root, TOP_KEYS);
        String source = scalar("source", root.get("source"));
        if (source == null && target.sourceRequired()) {
            throw error("source", "missing; every ticket row needs a source name such as servicenow");
        }
        String zone = scalar("timezone", root.get("timezone"));
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw error("timezone", "expected a time zone id such as Europe/Oslo, got \"" + zone + "\"");
            }
        }
        Map<?, ?> csv = section("csv", root.get("csv"));
        rejectUnknown("csv.", csv, CSV_KEYS);
        char delimiter = delimiter(scalar("csv.delimiter", csv.get("delimiter")));
        String encoding = encoding(scalar("csv.encoding", csv.get("encoding")));
        boolean header = bool("csv.header", csv.get("header"));
        Set<String> nullValues = root.containsKey("null_values")
                ? new LinkedHashSet<>(strings("null_values", root.get("null_values"))) : Set.of("");
        Map<String, List<String>> columns = columns(section("columns", root.get("columns")));
        List<String> formats = formats(root.get("timestamp_formats"));
        Map<String, Map<String, String>> values = values(section("values", root.get("values")));
        Map<String, String> constants = constants(section("constants", root.get("constants")));
        Mapping mapping = new Mapping(source, zone, delimiter, encoding, header, nullValues, columns, formats,
                values, constants);
        requireColumns(mapping);
        return mapping;
    }

    private void requireColumns(Mapping mapping) {
        List<String> required = target == MappingTarget.TICKETS
                ? List.of("ticket_id", "created_at") : List.of("score", "answered_at");
        for (String column : required) {
            if (!mapping.provides(column)) {
                throw error("columns", "missing " + column + " (required; map it in columns or give it in constants)");
            }
        }
        if (target == MappingTarget.RESPONSES && !mapping.provides("ticket_id") && !mapping.provides("customer_id")) {
            throw error("columns", "missing ticket_id or customer_id (a response needs at least one of them)");
        }
    }

    private Map<String, List<String>> columns(Map<?, ?> section) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        section.forEach((key, value) -> {
            String column = canonical("columns", key);
            List<String> headers = value instanceof List<?>
                    ? strings("columns." + column, value) : List.of(requireScalar("columns." + column, value));
            if (headers.isEmpty()) {
                throw error("columns." + column, "expected a source header name");
            }
            columns.put(column, headers);
        });
        return columns;
    }

    private Map<String, Map<String, String>> values(Map<?, ?> section) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        section.forEach((key, value) -> {
            String column = canonical("values", key);
            Map<String, String> map = new LinkedHashMap<>();
            section("values." + column, value).forEach((from, to) -> {
                String text = String.valueOf(from).strip().toLowerCase(Locale.ROOT);
                if (map.put(text, requireScalar("values." + column + "." + from, to)) != null) {
                    throw error("values." + column, "\"" + from + "\" is listed twice (keys match case-insensitively)");
                }
            });
            values.put(column, map);
        });
        return values;
    }

    private Map<String, String> constants(Map<?, ?> section) {
        Map<String, String> constants = new LinkedHashMap<>();
        section.forEach((key, value) -> constants.put(canonical("constants", key), requireScalar("constants." + key, value)));
        return constants;
    }

    private List<String> formats(Object value) {
        List<String> formats = strings("timestamp_formats", value);
        for (String pattern : formats) {
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
            } catch (IllegalArgumentException e) {
                throw error("timestamp_formats", "\"" + pattern + "\" is not a DateTimeFormatter pattern: " + e.getMessage());
            }
        }
        return formats;
    }

    private String canonical(String key, Object column) {
        String name = String.valueOf(column);
        if (!target.columns().contains(name)) {
            throw error(key + "." + name, "unknown canonical column; expected one of " + String.join(", ", target.columns()));
        }
        return name;
    }

    private char delimiter(String text) {
        if (text == null) {
            return ',';
        }
        if (text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw error("csv.delimiter", "expected one character (\"\\t\" for a tab), got \"" + text + "\"");
        }
        return text.charAt(0);
    }

    private String encoding(String text) {
        if (text == null) {
            return "UTF-8";
        }
        try {
            return Charset.forName(text).name();
        } catch (RuntimeException e) {
            throw error("csv.encoding", "unknown charset \"" + text + "\" (e.g. UTF-8, windows-1252, ISO-8859-1)");
        }
    }

    private boolean bool(String key, Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw error(key, "expected true or false, got \"" + value + "\"");
    }

    private Map<?, ?> section(String key, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error(key, "expected a section of key: value lines");
        }
        return map;
    }

    private List<String> strings(String key, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error(key, "expected a list like [a, b]");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            result.add(item == null ? "" : requireScalar(key, item));
        }
        return result;
    }

    private String scalar(String key, Object value) {
        return value == null ? null : requireScalar(key, value);
    }

    private String requireScalar(String key, Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error(key, "expected a single value");
        }
        return String.valueOf(value);
    }

    private void rejectUnknown(String prefix, Map<?, ?> map, Set<String> known) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw error(prefix + key, "unknown key (check the spelling; known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private UserError error(String key, String message) {
        return new UserError(name + ": " + key + ": " + message);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
