package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;

/**
 * An export as callers see it. {@code records} is null until the source's records are counted;
 * {@code written} is the progress; file size and SHA-256 are known once it completed; {@code node}
 * is the cluster node that runs it while it is in progress (null once it ended). {@code policy} says
 * which export policy decided on it (null when none did), in English, and {@code policyTerms} its terms,
 * to say it in a reader's language (null, too, for exports ruled on before they were kept);
 * {@code decidedBy} and {@code decidedAt}
 * who approved, denied or withdrew it and when; {@code reason} why it was denied or blocked;
 * {@code awaitingUntil} until when it awaits approval, or, once expired, the deadline nobody met;
 * {@code failure} why it failed, in our words, with the incident the server's log keeps the cause under.
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
        ExportFailure failure,
        boolean downloadable,
        String node,
        String policy,
        PolicyTerms policyTerms,
        String decidedBy,
        Instant decidedAt,
        String reason,
        Instant awaitingUntil) implements Serializable {

    /** An export policy holds it until a super admin other than its requester decides. */
    public boolean isAwaitingApproval() {
        return "AWAITING_APPROVAL".equals(status);
    }
}
