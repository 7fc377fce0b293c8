package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;

/**
 * An export a host application performed itself and reports, so that it appears in the export log
 * and notifies super admins like any other. Export Audit holds no file for it.
 */
public record RecordedExport(String source, String format, String fileName, long records, Instant performedAt)
        implements Serializable {
}
