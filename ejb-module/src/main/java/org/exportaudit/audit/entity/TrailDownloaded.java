package org.exportaudit.audit.entity;

import java.time.Instant;

/** A super admin downloaded the audit trail as a file: with which filters (a JSON object) and how many records. */
public record TrailDownloaded(String user, String filters, long records, Instant at) {
}
