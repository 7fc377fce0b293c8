package org.exportaudit.client;

import jakarta.ejb.Remote;

/**
 * For remote EJB clients: {@code ejb:export-audit/export-audit-host-api/HostExports!org.exportaudit.client.ExportsRemote}.
 */
@Remote
public interface ExportsRemote extends ExportOperations {
}
