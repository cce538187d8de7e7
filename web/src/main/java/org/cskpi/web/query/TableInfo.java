package org.cskpi.web.query;

import java.util.List;

/**
 * A view of the SQL service, with its columns as {@code name type} in order and its row
 * count; a view listed while the service is down has no columns and a count of -1.
 */
public record TableInfo(String name, List<Column> columns, long rows) {

    public record Column(String name, String type) {
    }
}
