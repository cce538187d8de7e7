package org.cskpi.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** The YAML loader for files users write by hand (cskpi.yaml, mapping files). */
public final class YamlFiles {

    private YamlFiles() {
    }

    /**
     * A safe loader (plain maps, lists and scalars only) that refuses duplicate keys and
     * leaves dates as text: YAML 1.1 would turn {@code 2026-12-24} into a {@code Date} in the
     * JVM's zone, and cskpi parses dates itself.
     */
    public static Yaml loader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new DatesAsText());
    }

    private static final class DatesAsText extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
