package org.exportaudit.audit.view;

import java.io.Serializable;
import java.time.Instant;

/**
 * One record of the audit trail as super admins read it: its position in the chain, what happened,
 * who did it (or {@code system}), to which export (null for none), the details as JSON object text,
 * when, and the record's chained hash.
 */
public record AuditRecordView(long seq, String kind, String user, Long exportId, String detail, Instant at, String hash)
        implements Serializable {
}
