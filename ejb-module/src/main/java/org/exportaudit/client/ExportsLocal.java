package org.exportaudit.client;

import jakarta.ejb.Local;

/**
 * For applications on the same server: look it up as
 * {@code java:global/export-audit/export-audit-host-api/HostExports!org.exportaudit.client.ExportsLocal}.
 * <p>{@link #start} reports an export that a policy holds for approval by throwing
 * {@link ExportAwaitingApproval} (the export exists; poll {@link #find}), one that a policy blocks
 * by {@link ExportBlocked}, and one that needs a recent password sign-in by {@link StepUpRequired}.
 */
@Local
public interface ExportsLocal extends ExportOperations {
}
