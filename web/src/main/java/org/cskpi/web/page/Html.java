package org.cskpi.web.page;

/**
 * HTML escaping used by every page this module writes by hand: text and attribute values
 * both go through {@link #esc}, so page code never concatenates raw user or database text.
 */
public final class Html {

    private Html() {
    }

    /** Escapes {@code & < > " '} for use in element text and quoted attribute values. */
    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
