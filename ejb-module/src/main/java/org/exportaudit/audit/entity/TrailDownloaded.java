package org.exportaudit.audit.entity;

import java.time.Instant;

/** Contract stub (issue 14): replaced by the core's version at the merge. */
public record TrailDownloaded(String user, String filters, long records, Instant at) {
}
