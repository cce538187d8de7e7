package org.cskpi.web.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query's whole result as JSON for the page's {@code <script type="application/json">} block,
 * from which query.js pages, sorts and charts it: {@code columns}, {@code numeric}, {@code rows}
 * (cells as text, SQL NULL as null) and {@code truncated}. {@code <}, {@code >} and {@code &} only
 * occur inside JSON strings, where their {@code \}{@code uXXXX} forms mean the same, so no cell can
 * close the block ({@code </script>}) or open a comment in it.
 */
final class ResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {
    }

    static String forScriptBlock(QueryResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("columns", result.columns());
        data.put("numeric", result.numeric());
        data.put("rows", result.rows());
        data.put("truncated", result.truncated());
        try {
            return JSON.writeValueAsString(data)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lists of strings and booleans always serialize", e);
        }
    }
}
