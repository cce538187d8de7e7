package org.cskpi.ingest.csv;

/** How strictly the headers named by a mapping must be present in a file. */
public enum HeaderPolicy {
    /** A mapping file (docs/mappings.md#headers): every header in {@code columns} must exist; extras are ignored. */
    MAPPED,
    /**
     * cskpi's canonical CSV: {@code ticket_id} and {@code created_at} must exist, other canonical
     * columns may be absent, a header that is not a canonical column is an error (a typo would
     * otherwise silently drop a column).
     */
    CANONICAL,
    /**
     * A built-in help-desk mapping (Freshdesk): users pick the exported fields, so only the
     * headers of the required columns must exist; absent ones read as null, extras are ignored.
     */
    REQUIRED_ONLY
}
