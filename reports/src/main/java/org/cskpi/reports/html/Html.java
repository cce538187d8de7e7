package org.cskpi.reports.html;

/** Escaping for text and attributes, and for JSON and scripts embedded in HTML. */
final class Html {

    private Html() {
    }

    /** Escapes text for an element body or a quoted attribute value. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON for a {@code <script type="application/json">} block: {@code <}, {@code >} and
     * {@code &} only occur inside JSON strings, where their {@code \}{@code uXXXX} forms mean the same,
     * so no {@code </script>} or comment opener can end the block early.
     */
    static String json(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** A script for an inline {@code <script>} element: any {@code </script} inside is broken up. */
    static String script(String js) {
        return js.replaceAll("(?i)</script", "<\\\\/script");
    }

    /** CSS for an inline {@code <style>} element. */
    static String style(String css) {
        return css.replaceAll("(?i)</style", "<\\\\/style");
    }
}
