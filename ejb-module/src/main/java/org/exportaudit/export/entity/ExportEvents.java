package org.exportaudit.export.entity;

import java.time.Instant;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyTerms;

/**
 * What happens to exports, published as CDI events in the transaction of the change: the audit
 * trail records them there, and side effects (starting the job, mail) follow after commit.
 */
public final class ExportEvents {

    private ExportEvents() {
    }

    public record Requested(long exportId, String user, String source, String fileName, String format,
            String filters, Instant at) implements ExportEvent {
    }

    /**
     * Nothing holds the export back any more (no policy, or a super admin approved it): its job
     * starts once this commits.
     */
    public record Cleared(long exportId) implements ExportEvent {
    }

    /**
     * A notice or a step-up policy applied to the export, which goes ahead; {@code total} is what reached the
     * limit. The policy in English, as the audit trail keeps it, and as its terms.
     */
    public record Ruled(long exportId, String user, long policyId, String policy, PolicyTerms policyTerms, long total,
            Instant at) implements ExportEvent {

        /** What the policy did: a notice or a step-up. */
        public PolicyAction action() {
            return policyTerms.action();
        }
    }

    /** A policy asks for an approval: the export waits, counted, until {@code until}. */
    public record AwaitingApproval(long exportId, String user, String source, String fileName, long records,
            long policyId, String policy, PolicyTerms policyTerms, long total, Instant until, Instant at) implements ExportEvent {
    }

    public record Approved(long exportId, String by, Instant at) implements ExportEvent {
    }

    public record Denied(long exportId, String by, String reason, Instant at) implements ExportEvent {
    }

    public record Withdrawn(long exportId, String by, Instant at) implements ExportEvent {
    }

    public record Expired(long exportId, Instant at) implements ExportEvent {
    }

    /** A policy refused the export before it ran; it stays in the log, BLOCKED. */
    public record Blocked(long exportId, String user, long records, long policyId, String policy, long limit,
            long total, Instant at) implements ExportEvent {
    }

    /**
     * A step-up policy applied and the user's password sign-in was not recent enough: nothing was
     * created; {@code signedInAt} is when they last entered their password (null if unknown).
     */
    public record StepUpRequired(String user, String source, long records, long policyId, String policy,
            Instant signedInAt, Instant at) implements ExportEvent {
    }

    /** The record count is known: it drives the large-export notifications. */
    public record Counted(long exportId, String user, String source, String fileName, long records,
            Instant at) implements ExportEvent {
    }

    public record Completed(long exportId, long records, long fileSize, String sha256,
            Instant at) implements ExportEvent {
    }

    public record Cancelled(long exportId, String by, Instant at) implements ExportEvent {
    }

    /** It failed, and why as ExportFailure.stored() writes it: the cause is in the server's log under its incident. */
    public record Failed(long exportId, String failure, Instant at) implements ExportEvent {
    }

    /** A host application reported an export it performed itself. */
    public record Recorded(long exportId, String user, String source, String fileName,
            long records, Instant at) implements ExportEvent {
    }

    /** The retention timer took the file away; it is deleted from the folder once this commits. */
    public record Purged(long exportId, ExportFormat format, Instant at) implements ExportEvent {
    }

    /** A node took the export over from one that was lost, and runs it again from the start. */
    public record TakenOver(long exportId, String from, String to, int takeovers, Instant at) implements ExportEvent {
    }
}
