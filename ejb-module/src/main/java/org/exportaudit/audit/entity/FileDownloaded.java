package org.exportaudit.audit.entity;

import java.time.Instant;

/** Someone downloaded an export's file. */
public record FileDownloaded(long exportId, String user, String ipAddress, String userAgent, Instant at) {
}
