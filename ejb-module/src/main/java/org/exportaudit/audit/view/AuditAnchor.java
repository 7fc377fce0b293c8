package org.exportaudit.audit.view;

import java.io.Serializable;
import java.time.Instant;

/** A published head of the audit chain: the record at {@code seq} had {@code hash} at {@code at}. */
public record AuditAnchor(long seq, String hash, Instant at) implements Serializable {
}
