package org.cskpi.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A section of the YAML config with its dotted path, so every error names the full key.
 * Reading a key marks it known; {@link #rejectUnknownKeys()} then refuses typos.
 */
final class ConfigNode {

    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    ConfigNode(String path, Map<?, ?> raw) {
        this.path = path;
        this.values = new LinkedHashMap<>();
        raw.forEach((k, v) -> values.put(String.valueOf(k), v));
    }

    static ConfigNode empty(String path) {
        return new ConfigNode(path, Map.of());
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    Optional<Object> raw(String name) {
        read.add(name);
        return Optional.ofNullable(values.get(name));
    }

    ConfigNode section(String name) {
        Object value = raw(name).orElse(null);
        if (value == null) {
            return empty(key(name));
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(key(name) + ": expected a section (key: value lines), got " + describe(value));
        }
        return new ConfigNode(key(name), map);
    }

    String string(String name, String fallback) {
        return raw(name).map(v -> scalar(name, v)).orElse(fallback);
    }

    <T> T parsed(String name, T fallback, Function<String, T> parser, String expected) {
        Optional<Object> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = scalar(name, value.get());
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new ConfigException(key(name) + ": expected " + expected + ", got \"" + text + "\"");
        }
    }

    int positiveInt(String name, int fallback) {
        int value = parsed(name, fallback, Integer::parseInt, "a whole number");
        if (value <= 0) {
            throw new ConfigException(key(name) + ": expected a number above 0, got " + value);
        }
        return value;
    }

    List<String> strings(String name) {
        Object value = raw(name).orElse(null);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException(key(name) + ": expected a list like [a, b], got " + describe(value));
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            result.add(scalar(name, item));
        }
        return result;
    }

    /** The keys present in this section, for sections whose keys are data (channels, weekdays). */
    Set<String> keys() {
        read.addAll(values.keySet());
        return values.keySet();
    }

    void rejectUnknownKeys() {
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                throw new ConfigException(key(name) + ": unknown setting (check the spelling; see docs/configuration.md#keys)");
            }
        }
    }

    private String scalar(String name, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new ConfigException(key(name) + ": expected a single value, got " + describe(value));
        }
        return String.valueOf(value).trim();
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a section";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "\"" + value + "\"";
    }
}
