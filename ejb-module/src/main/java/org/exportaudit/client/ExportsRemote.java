package org.exportaudit.client;

import jakarta.ejb.Remote;

/**
 * For remote EJB clients: {@code ejb:export-audit/export-audit-host-api/HostExports!org.exportaudit.client.ExportsRemote}.
 * <p>{@link #start} reports an export that a policy holds for approval by throwing
 * {@link ExportAwaitingApproval} (the export exists; poll {@link #find}), one that a policy blocks
 * by {@link ExportBlocked}, and one that needs a recent password sign-in by {@link StepUpRequired}.
 */
@Remote
public interface ExportsRemote extends ExportOperations {
}
