package org.exportaudit.audit.view;

import java.io.Serializable;
import java.util.List;

/** A page of the audit trail, newest first, and the cursor of the next (older) one, null on the last page. */
public record AuditPage(List<AuditRecordView> items, String next) implements Serializable {

    public AuditPage {
        items = List.copyOf(items);
    }
}
