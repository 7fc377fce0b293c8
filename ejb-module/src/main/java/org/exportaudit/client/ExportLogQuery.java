package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;

/**
 * One page of the export log, newest first: optional filters (user, source key, status, requested
 * from inclusive, to exclusive), how many rows (1 to 200), and the cursor that the previous page
 * returned as {@code next}, or null for the first page.
 */
public record ExportLogQuery(String user, String source, String status, Instant from, Instant to, int limit,
        String cursor) implements Serializable {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The first page of everything the caller may see. */
    public static ExportLogQuery newest(int limit) {
        return new ExportLogQuery(null, null, null, null, null, limit, null);
    }

    /** The same filters, the page after the one that returned {@code next}. */
    public ExportLogQuery after(String next) {
        return new ExportLogQuery(user, source, status, from, to, limit, next);
    }
}
