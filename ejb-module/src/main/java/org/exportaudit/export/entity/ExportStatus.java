package org.exportaudit.export.entity;

import java.util.Locale;
import org.exportaudit.client.ExportRefused;

/** Where an export is in its life. Only {@code PROCESSING} can move on; the others are final. */
public enum ExportStatus {
    PROCESSING,
    COMPLETED,
    CANCELLED,
    FAILED;

    /** Reads a status as a filter names it, in any case. */
    public static ExportStatus named(String name) {
        for (ExportStatus status : values()) {
            if (status.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new ExportRefused("unknown-status",
                "Unknown status '" + name + "': use PROCESSING, COMPLETED, CANCELLED or FAILED.");
    }
}
