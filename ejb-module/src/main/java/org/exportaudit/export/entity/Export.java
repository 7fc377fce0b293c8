package org.exportaudit.export.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.exportaudit.client.ApprovalExpired;
import org.exportaudit.client.ExportNotAwaitingApproval;
import org.exportaudit.client.ExportNotInProgress;
import org.exportaudit.client.NotTheRequester;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Refusal;

/**
 * One run of a source into a file, and its small state machine:
 * {@code PROCESSING → COMPLETED | CANCELLED | FAILED}; where a policy asks for an approval,
 * {@code PROCESSING → AWAITING_APPROVAL → PROCESSING (approved) | DENIED | WITHDRAWN | EXPIRED}
 * before it runs; where one blocks it, {@code PROCESSING → BLOCKED} before it runs. Every other
 * move throws {@link ExportNotInProgress} or {@link ExportNotAwaitingApproval} and changes nothing.
 * <p>
 * Its columns by concern: the request and its life cycle here; which node runs it ({@link NodeLease}), the approval
 * it waited for ({@link Approval}), the file it left ({@link StoredFile}) and the policy that decided on it
 * ({@link PolicySnapshot}) as embedded parts, which keep what the moves here write; who may decide on it, by
 * {@link Deciders}. The moves stay here: each asks the export's state first.
 */
@Entity
@Table(name = "export")
public class Export extends ExportColumns {

    // The sizes of the columns (db/migration) that a request's input reaches: the boundary refuses
    // longer input with a 400 by these numbers, so nothing arrives at the database that it would refuse.
    public static final int FILE_NAME_LENGTH = 255;
    public static final int SOURCE_LENGTH = 100;
    public static final int FILTERS_LENGTH = 4000;
    public static final int USER_LENGTH = 255;
    public static final int STATUS_LENGTH = 20;
    public static final int REASON_LENGTH = 500;

    protected Export() {
        // for JPA
    }

    private Export(String fileName, String source, ExportFormat format, String filters, String user, Instant at) {
        this.fileName = fileName;
        this.source = source;
        this.format = format;
        this.filters = filters;
        this.requestedBy = user;
        this.requestedAt = at;
        this.status = ExportStatus.PROCESSING;
    }

    /** A new export, asked for by {@code user}; it is {@code PROCESSING} until its job ends. */
    public static Export requested(String fileName, String source, ExportFormat format, String filters,
            String user, Instant at) {
        return new Export(fileName, source, format, filters, user, at);
    }

    /** An export that a host application already performed: complete from the start, no file. */
    public static Export recordedByHost(String fileName, String source, ExportFormat format, long records,
            String user, Instant performedAt, Instant now) {
        Export export = new Export(fileName, source, format, "{}", user, performedAt);
        export.recordedByHost = true;
        export.counted(records);
        export.written = records;
        export.status = ExportStatus.COMPLETED;
        export.endedAt = now;
        return export;
    }

    /** The node that took the request runs it, under a lease it renews while it lives. */
    public void runBy(String node, Instant leaseUntil) {
        requireInProgress("run");
        lease.take(node, leaseUntil);
    }

    /**
     * Whether {@code node} may still act on it: write its progress, count it, publish its file. A
     * node that lost it (cancelled, taken over after its lease ran out, handed back) must not.
     */
    public boolean isRunBy(String node) {
        return status == ExportStatus.PROCESSING && lease.isHeldBy(node);
    }

    /** Another node may take it over: it is in progress and its node's lease ran out or was handed back. */
    public boolean isOrphaned(Instant now) {
        return status == ExportStatus.PROCESSING && lease.hasRunOut(now);
    }

    /**
     * {@code node} runs it again from the start, under a lease of its own: whatever the lost node
     * wrote is thrown away (see ExportTakeovers for why not resumed). Returns the node it was taken
     * from (null for an export from before nodes were recorded).
     */
    public String takeOver(String node, Instant leaseUntil) {
        requireInProgress("taken-over");
        String from = lease.takeOver(id, node, leaseUntil); // refused once it cost too many nodes
        this.written = 0;
        this.jobExecutionId = null;
        return from;
    }

    /** Its node stops without finishing it, in order: any node may take it over at once. */
    public void handBack() {
        requireInProgress("handed-back");
        lease.release();
    }

    /** The job picked the export up. */
    public void started(long jobExecutionId) {
        requireInProgress("started");
        this.jobExecutionId = jobExecutionId;
    }

    /**
     * The source's records were counted, before the first one is written. True the first time: a
     * run that took the export over counts again, and what follows a count (the large-export
     * notices) must happen once per export, not once per run.
     */
    public boolean counted(long records) {
        requireInProgress("counted");
        if (records < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + records);
        }
        boolean first = this.records == null;
        this.records = records;
        return first;
    }

    /** The strictest policy that its count reached decided on it (a notice, a step-up, an approval or a block). */
    public void ruledBy(PolicyTerms terms) {
        requireInProgress("ruled-on");
        this.snapshot = new PolicySnapshot(terms);
    }

    /**
     * Counted and ruled on before its job began, it waits for a super admin's approval until
     * {@code until}: no node runs it, no byte is written.
     */
    public void awaitApproval(Instant until) {
        requireInProgress("held-for-approval");
        if (policyId() == null) {
            throw new IllegalStateException("Export " + id + " waits for approval by no policy");
        }
        this.status = ExportStatus.AWAITING_APPROVAL;
        lease.take(null, null);
        approvalToWrite().awaitUntil(until);
    }

    /** A policy refused it before it ran: it stays in the log, with the policy and its message. */
    public void block(String message, Instant at) {
        requireInProgress("blocked");
        this.blockMessage = message;
        end(ExportStatus.BLOCKED, at);
    }

    /** A super admin other than its requester let it run: {@code node} runs it from now on. */
    public void approve(String by, Instant at, String node, Instant leaseUntil) {
        requireInTime(at, "approved"); // too late is decided, as the timer would have: before four eyes
        requireDecidableBy(by, "approved");
        approvalToWrite().approved(by, at);
        this.status = ExportStatus.PROCESSING;
        runBy(node, leaseUntil);
    }

    /** A super admin other than its requester refused it, saying why. */
    public void deny(String by, String reason, Instant at) {
        requireInTime(at, "denied"); // too late is decided, as the timer would have: before four eyes
        requireDecidableBy(by, "denied");
        approvalToWrite().denied(by, reason, at);
        end(ExportStatus.DENIED, at);
    }

    /** Its requester took the request back. Anyone else is refused first, whatever its state: it is not theirs. */
    public void withdraw(String by, Instant at) {
        if (!Deciders.mayBeWithdrawn(requestedBy, by)) { // a super admin sees it, and denies it instead
            throw new NotTheRequester(number());
        }
        requireInTime(at, "withdrawn");
        requireAwaitingApproval("withdrawn");
        approvalToWrite().decided(by, at);
        end(ExportStatus.WITHDRAWN, at);
    }

    /**
     * Nobody answered in time. What happened is its status and its deadline ({@link Approval#awaitingUntil()}),
     * said in the reader's language when read: no sentence is stored.
     */
    public void expire(Instant at) {
        requireAwaitingApproval("expired");
        end(ExportStatus.EXPIRED, at);
    }

    /** Its approval request ran out unanswered at {@code now}. */
    public boolean isApprovalExpired(Instant now) {
        return status == ExportStatus.AWAITING_APPROVAL && approval().hasRunOut(now);
    }

    public boolean isAwaitingApproval() {
        return status == ExportStatus.AWAITING_APPROVAL;
    }

    public void progressed(long written) {
        requireInProgress("advanced");
        this.written = written;
    }

    public void complete(long fileSize, String sha256, Instant at) {
        requireInProgress("completed");
        this.written = records == null ? written : records;
        this.file = new StoredFile(fileSize, sha256);
        end(ExportStatus.COMPLETED, at);
    }

    public void cancel(String by, Instant at) {
        requireInProgress("cancelled");
        this.cancelledBy = by;
        end(ExportStatus.CANCELLED, at);
    }

    /** It failed: {@code why} is what happened as ExportFailure.stored() writes it, never a cause's own text. */
    public void fail(String why, Instant at) {
        requireInProgress("failed");
        this.failure = why;
        end(ExportStatus.FAILED, at);
    }

    public boolean isInProgress() {
        return status == ExportStatus.PROCESSING;
    }

    /** Its file can be downloaded: it completed here, within the download window, and is not purged. */
    public boolean isDownloadable(Instant now, DownloadWindow window) {
        return whyNotDownloadable(now, window) == null;
    }

    /** Why its file cannot be downloaded at {@code now}, or null when it can: the one answer ({@link DownloadRefusal}). */
    public Refusal whyNotDownloadable(Instant now, DownloadWindow window) {
        return hasFile() && window.isOpen(endedAt, now) ? null : DownloadRefusal.of(number(), status, recordedByHost);
    }

    /**
     * Its file is due for deletion: it completed before the download window began. The retention timer asks the
     * database the same of all exports at once ({@code FilesDueForPurge}); its test runs that query against this.
     */
    public boolean isDueForPurge(Instant now, DownloadWindow window) {
        return hasFile() && !window.isOpen(endedAt, now);
    }

    /** The retention timer deleted its file; it stays in the log, no longer downloadable. */
    public void purge(Instant at) {
        if (!hasFile()) {
            throw new IllegalStateException("Export " + id + " has no file to purge");
        }
        file = StoredFile.purged(file, at);
    }

    private boolean hasFile() {
        return file().isHere(status, recordedByHost);
    }

    /**
     * Who may see it, and download its file: the user who asked for it, and super admins. For
     * anyone else it does not exist.
     */
    public boolean isVisibleTo(String user, boolean superAdmin) {
        return superAdmin || requestedBy.equals(user);
    }

    private void end(ExportStatus outcome, Instant at) {
        this.status = outcome;
        this.endedAt = at;
    }

    /** Four eyes: waiting, and not the decider's own. The state is checked first: a decided export is decided. */
    private void requireDecidableBy(String by, String move) {
        requireAwaitingApproval(move);
        Deciders.requireDecidableBy(requestedBy, by, number());
    }

    /**
     * A decision at or after the deadline comes too late, even before the expiry timer has run: the timer ticks
     * once a minute, and what it would expire must not start meanwhile. Nothing changes here; the boundary
     * expires it on the spot, as the timer would ({@code ApprovalExpiry}).
     */
    private void requireInTime(Instant at, String move) {
        if (isApprovalExpired(at)) {
            throw new ApprovalExpired(number(), move);
        }
    }

    private void requireAwaitingApproval(String move) {
        if (status != ExportStatus.AWAITING_APPROVAL) {
            throw new ExportNotAwaitingApproval(number(), status.name(), move);
        }
    }

    private void requireInProgress(String move) {
        if (status != ExportStatus.PROCESSING) {
            throw new ExportNotInProgress(number(), status.name(), move);
        }
    }

    private long number() {
        return id == null ? 0 : id;
    }

    private Approval approvalToWrite() {
        if (approval == null) {
            approval = new Approval();
        }
        return approval;
    }
}
