package org.exportaudit.export.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.exportaudit.client.ExportRefused;

/**
 * Where an export is in its life. {@code PROCESSING} and {@code AWAITING_APPROVAL} can move on; the
 * others are final. {@code BLOCKED} is an attempt a policy refused: it never ran.
 */
public enum ExportStatus {
    PROCESSING,
    COMPLETED,
    CANCELLED,
    FAILED,
    AWAITING_APPROVAL,
    DENIED,
    EXPIRED,
    WITHDRAWN,
    BLOCKED;

    /** Statuses whose exports never ran and never will: they do not count toward a user's rolling limits. */
    public static final Set<ExportStatus> REFUSED = EnumSet.of(DENIED, EXPIRED, WITHDRAWN, BLOCKED);

    /** Reads a status as a filter names it, in any case. */
    public static ExportStatus named(String name) {
        for (ExportStatus status : values()) {
            if (status.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new ExportRefused("unknown-status", "status.unknown", name, Arrays.toString(values()));
    }
}
