package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;

/**
 * An export as callers see it. {@code records} is null until the source's records are counted;
 * {@code written} is the progress; file size and SHA-256 are known once it completed; {@code node}
 * is the cluster node that runs it while it is in progress (null once it ended).
 */
public record ExportView(
        long id,
        String fileName,
        String source,
        String format,
        Long records,
        long written,
        String user,
        Instant requestedAt,
        String status,
        Instant endedAt,
        Long fileSize,
        String sha256,
        String cancelledBy,
        String failure,
        boolean downloadable,
        String node) implements Serializable {
}
