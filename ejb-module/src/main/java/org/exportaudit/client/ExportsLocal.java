package org.exportaudit.client;

import jakarta.ejb.Local;

/**
 * For applications on the same server: look it up as
 * {@code java:global/export-audit/export-audit-host-api/HostExports!org.exportaudit.client.ExportsLocal}.
 */
@Local
public interface ExportsLocal extends ExportOperations {
}
