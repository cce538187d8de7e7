package org.cskpi.web.page;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the app's pages from the Pebble templates under {@code templates/} on the class path,
 * one folder per feature. Every page extends {@code layout.peb}, the one HTML skeleton: the staff
 * pages through {@code frame.peb} (header with navigation by role and the logout form, footer),
 * the survey through {@code survey/frame.peb}.
 *
 * <p>Autoescaping is on (strategy html): every {@code {{ value }}} is escaped, so page code never
 * builds markup from user or database text. The one value put in with {@code | raw} is the
 * report's content, which the reports module escaped itself ({@code HtmlReport.body}). Variables
 * are strict: a misspelt name fails the render instead of showing nothing.
 */
public final class Pages {

    private final PebbleEngine engine;

    public Pages() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(true)
                .cacheActive(true).build();
    }

    /** The page of {@code template} (e.g. {@code survey/form}) with {@code model}. */
    public String render(String template, Map<String, ?> model) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, Collections.unmodifiableMap(model));
        } catch (IOException e) {
            throw new UncheckedIOException("rendering page " + template, e);
        }
        return out.toString();
    }

    /** A staff page: {@code template} extends {@code frame}, which shows {@code frame}. */
    public String render(String template, Frame frame, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.putAll(frame.model());
        return render(template, all);
    }
}
