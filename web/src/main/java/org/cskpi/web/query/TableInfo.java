package org.cskpi.web.query;

import java.util.List;

/** A table the query user may read, with its columns as {@code name type}, in order. */
public record TableInfo(String name, List<Column> columns) {

    public record Column(String name, String type) {
    }
}
