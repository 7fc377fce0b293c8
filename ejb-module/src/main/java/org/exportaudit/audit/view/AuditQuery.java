package org.exportaudit.audit.view;

import java.io.Serializable;
import java.time.Instant;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Storable;

/**
 * One page of the audit trail, newest first (by position, {@code seq}): optional filters (kind,
 * user, export id, occurred from inclusive, to exclusive), how many records (1 to 500; 0 for the
 * default) and the cursor that the previous page returned as {@code next}, or null for the first
 * page. The boundary checks it and refuses what it cannot run ({@link Refusal}, {@code INVALID}).
 */
public record AuditQuery(String kind, String user, Long exportId, Instant from, Instant to, int limit, String cursor)
        implements Serializable {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Refuses filters no database could compare, as {@link ExportLogQuery} does. */
    public AuditQuery {
        text("kind", kind);
        text("user", user);
        instant("from", from);
        instant("to", to);
    }

    private static void text(String name, String value) {
        if (!Storable.text(value)) {
            throw Refusal.invalid("invalid-filter", Storable.TEXT_KEY, name);
        }
    }

    private static void instant(String name, Instant value) {
        if (!Storable.instant(value)) {
            throw Refusal.invalid("invalid-filter", Storable.DATE_KEY, Storable.dateArguments(name));
        }
    }

    /** The first page of the whole trail. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit, null);
    }

    /** The same filters, the page after the one that returned {@code next} (null: the first page). */
    public AuditQuery after(String next) {
        return new AuditQuery(kind, user, exportId, from, to, limit, next);
    }
}
