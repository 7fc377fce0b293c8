package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * For host applications: the export was counted and now waits, {@code AWAITING_APPROVAL}, until a
 * super admin other than the caller approves it. It was created (this exception commits it); a
 * host polls {@link ExportOperations#find} to learn the outcome. The pages and the REST API get
 * the export itself instead, with that status.
 */
@ApplicationException(rollback = false)
public class ExportAwaitingApproval extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExportView export;

    public ExportAwaitingApproval(ExportView export) {
        super("Export " + export.id() + " waits for a super admin's approval (" + export.policy() + ").");
        this.export = export;
    }

    public ExportView export() {
        return export;
    }
}
