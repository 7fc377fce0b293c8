package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;

/** Contract stub (issue 14): replaced by the core's version at the merge. */
public record AuditAnchor(long seq, String hash, Instant at) implements Serializable {
}
