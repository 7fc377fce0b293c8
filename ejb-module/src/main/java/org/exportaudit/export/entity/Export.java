package org.exportaudit.export.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
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
 */
@Entity
@Table(name = "export")
public class Export {

    // The sizes of the columns (db/migration) that a request's input reaches: the boundary refuses
    // longer input with a 400 by these numbers, so nothing arrives at the database that it would refuse.
    public static final int FILE_NAME_LENGTH = 255;
    public static final int SOURCE_LENGTH = 100;
    public static final int FILTERS_LENGTH = 4000;
    public static final int USER_LENGTH = 255;
    public static final int STATUS_LENGTH = 20;
    public static final int NODE_LENGTH = 100;
    public static final int REASON_LENGTH = 500;

    // A sequence, not an identity column: EclipseLink's H2 platform still asks H2 for IDENTITY(),
    // which H2 2 no longer has.
    @Id
    @SequenceGenerator(name = "export_id", sequenceName = "export_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "export_id")
    private Long id;

    @Column(name = "file_name", nullable = false, length = FILE_NAME_LENGTH)
    private String fileName;

    @Column(name = "source", nullable = false, length = SOURCE_LENGTH)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(name = "format", nullable = false)
    private ExportFormat format;

    /** The filters as the request gave them, for the audit of what was exported. */
    @Column(name = "filters", nullable = false, length = FILTERS_LENGTH)
    private String filters;

    @Column(name = "records")
    private Long records;

    @Column(name = "written", nullable = false)
    private long written;

    @Column(name = "requested_by", nullable = false, length = USER_LENGTH)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = STATUS_LENGTH)
    private ExportStatus status;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "file_size")
    private Long fileSize;

    @Column(name = "sha256")
    private String sha256;

    @Column(name = "cancelled_by", length = USER_LENGTH)
    private String cancelledBy;

    /** Why it failed, as a code and its values with an incident id (ExportFailure.stored()): never the cause's own text. */
    @Column(name = "failure", length = 1000)
    private String failure;

    /** True for exports a host application performed itself: there is no file here. */
    @Column(name = "recorded_by_host", nullable = false)
    private boolean recordedByHost;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    /** The node that runs it while it is in progress (see {@link Lease}). */
    @Column(name = "node", length = NODE_LENGTH)
    private String node;

    /** Until when its node's lease holds; null once handed back (an orderly shutdown). */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** How often another run took it over after its node was lost. */
    @Column(name = "takeovers", nullable = false)
    private int takeovers;

    /** When the retention timer deleted the file: the row stays in the log, the file is gone. */
    @Column(name = "purged_at")
    private Instant purgedAt;

    /** The policy that decided on it, and its rule as it read then: a policy may change or go later. */
    @Column(name = "policy_id")
    private Long policyId;

    @Column(name = "policy", length = 500)
    private String policy;

    /** The same rule as its terms (PolicyTerms), to be said in a reader's language; null before V13. */
    @Column(name = "policy_terms", length = 300)
    @Convert(converter = PolicyTermsAttribute.class)
    private PolicyTerms policyTerms;

    /** Who approved, denied or withdrew it, and when. */
    @Column(name = "decided_by", length = USER_LENGTH)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /**
     * Why it was denied (the approver's words) or blocked (the policy's message). Exports that expired
     * before their expiry was kept as a deadline may hold an English sentence here, which nothing reads.
     */
    @Column(name = "reason", length = 1000)
    private String reason;

    /** While it awaits approval: when the request expires unanswered; once expired, the deadline it missed. */
    @Column(name = "awaiting_until")
    private Instant awaitingUntil;

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
        this.node = node;
        this.leaseUntil = leaseUntil;
    }

    /**
     * Whether {@code node} may still act on it: write its progress, count it, publish its file. A
     * node that lost it (cancelled, taken over after its lease ran out, handed back) must not.
     */
    public boolean isRunBy(String node) {
        return status == ExportStatus.PROCESSING && node.equals(this.node) && leaseUntil != null;
    }

    /**
     * Another node may take it over: it is in progress and its node's lease ran out or was handed
     * back. A lease is judged by the clock of the node that reads it: the nodes' clocks must agree
     * to well within a lease (NTP; on one machine they are the same clock).
     */
    public boolean isOrphaned(Instant now) {
        return status == ExportStatus.PROCESSING && (leaseUntil == null || leaseUntil.isBefore(now));
    }

    /** Whether it may be run once more after its node was lost, or has cost too many nodes already. */
    public boolean mayBeTakenOver() {
        return takeovers < Lease.MAX_TAKEOVERS;
    }

    /**
     * {@code node} runs it again from the start, under a lease of its own: whatever the lost node
     * wrote is thrown away (see ExportTakeovers for why not resumed). Returns the node it was taken
     * from (null for an export from before nodes were recorded).
     */
    public String takeOver(String node, Instant leaseUntil) {
        requireInProgress("taken-over");
        if (!mayBeTakenOver()) {
            throw new IllegalStateException("Export " + id + " was taken over " + takeovers + " times already");
        }
        String from = this.node;
        this.node = node;
        this.leaseUntil = leaseUntil;
        this.takeovers++;
        this.written = 0;
        this.jobExecutionId = null;
        return from;
    }

    /** Its node stops without finishing it, in order: any node may take it over at once. */
    public void handBack() {
        requireInProgress("handed-back");
        this.leaseUntil = null;
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
        this.policyId = terms.policyId();
        this.policy = terms.toString();
        this.policyTerms = terms;
    }

    /**
     * Counted and ruled on before its job began, it waits for a super admin's approval until
     * {@code until}: no node runs it, no byte is written.
     */
    public void awaitApproval(Instant until) {
        requireInProgress("held-for-approval");
        if (policyId == null) {
            throw new IllegalStateException("Export " + id + " waits for approval by no policy");
        }
        this.status = ExportStatus.AWAITING_APPROVAL;
        this.node = null;
        this.leaseUntil = null;
        this.awaitingUntil = until;
    }

    /** A policy refused it before it ran: it stays in the log, with the policy and its message. */
    public void block(String message, Instant at) {
        requireInProgress("blocked");
        this.reason = message;
        end(ExportStatus.BLOCKED, at);
    }

    /** A super admin other than its requester let it run: {@code node} runs it from now on. */
    public void approve(String by, Instant at, String node, Instant leaseUntil) {
        requireInTime(at, "approved"); // too late is decided, as the timer would have: before four eyes
        requireDecidableBy(by, "approved");
        this.decidedBy = by;
        this.decidedAt = at;
        this.awaitingUntil = null;
        this.status = ExportStatus.PROCESSING;
        runBy(node, leaseUntil);
    }

    /** A super admin other than its requester refused it, saying why. */
    public void deny(String by, String reason, Instant at) {
        requireInTime(at, "denied"); // too late is decided, as the timer would have: before four eyes
        requireDecidableBy(by, "denied");
        this.decidedBy = by;
        this.decidedAt = at;
        this.reason = reason;
        end(ExportStatus.DENIED, at);
    }

    /** Its requester took the request back. Anyone else is refused first, whatever its state: it is not theirs. */
    public void withdraw(String by, Instant at) {
        if (!mayBeWithdrawn(requestedBy, by)) { // a super admin sees it, and denies it instead
            throw new NotTheRequester(id == null ? 0 : id);
        }
        requireInTime(at, "withdrawn");
        requireAwaitingApproval("withdrawn");
        this.decidedBy = by;
        this.decidedAt = at;
        end(ExportStatus.WITHDRAWN, at);
    }

    /**
     * Nobody answered in time. What happened is its status and its deadline ({@link #awaitingUntil()}),
     * said in the reader's language when read: no sentence is stored.
     */
    public void expire(Instant at) {
        requireAwaitingApproval("expired");
        end(ExportStatus.EXPIRED, at);
    }

    /** Its approval request ran out unanswered at {@code now}. */
    public boolean isApprovalExpired(Instant now) {
        return status == ExportStatus.AWAITING_APPROVAL && !awaitingUntil.isAfter(now);
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
        this.fileSize = fileSize;
        this.sha256 = sha256;
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

    /**
     * Why its file cannot be downloaded at {@code now}, or null when it can: the one answer to "may this file be
     * downloaded, and if not, why?" that the REST API, the pages (the log's link) and the host API (the view's
     * {@code downloadable}) render, so that none of them decides again. Still processing and never run
     * (awaiting approval, denied, blocked, expired, withdrawn) are conflicts with the export's state, each with
     * its own reason; gone is only for a file that was, or could have been, here and is not: purged, cancelled,
     * failed, or kept by the host application that performed it.
     */
    public Refusal whyNotDownloadable(Instant now, DownloadWindow window) {
        long exportId = id == null ? 0 : id;
        return switch (status) {
            case PROCESSING -> Refusal.conflict("still-processing", "export.still-running", exportId);
            case AWAITING_APPROVAL -> noFile(exportId, "no-file.awaiting-approval");
            case DENIED -> noFile(exportId, "no-file.denied");
            case BLOCKED -> noFile(exportId, "no-file.blocked");
            case EXPIRED -> noFile(exportId, "no-file.expired");
            case WITHDRAWN -> noFile(exportId, "no-file.withdrawn");
            case CANCELLED -> fileGone(exportId, "file-gone.cancelled");
            case FAILED -> fileGone(exportId, "file-gone.failed");
            case COMPLETED -> recordedByHost ? fileGone(exportId, "file-gone.host")
                    : hasFile() && window.isOpen(endedAt, now) ? null
                    : fileGone(exportId, "file-gone.purged");
        };
    }

    /** A conflict with its state: it never ran, and {@code why} is the key of the text that says why. */
    private static Refusal noFile(long exportId, String why) {
        return Refusal.conflict("no-file", "export.no-file", exportId, Refusal.term(why));
    }

    /** A file that was, or could have been, here and is not; {@code why} is the key of the text that says why. */
    private static Refusal fileGone(long exportId, String why) {
        return Refusal.gone("file-gone", "export.file-gone", exportId, Refusal.term(why));
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
        this.purgedAt = at;
    }

    private boolean hasFile() {
        return status == ExportStatus.COMPLETED && !recordedByHost && purgedAt == null;
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

    /**
     * Four eyes: waiting, and not the decider's own. The state is checked first: a decided export is decided.
     * Only super admins get here (the boundary's roles), so what is left to refuse is the requester.
     */
    private void requireDecidableBy(String by, String move) {
        requireAwaitingApproval(move);
        if (!mayBeDecided(requestedBy, by, true)) {
            throw Refusal.forbidden("own-export", "export.own", id == null ? 0 : id);
        }
    }

    /**
     * Who may approve or deny an export that awaits approval, asked for by {@code requester}: a super admin, never
     * the one who asked for it (four eyes). {@link #approve} and {@link #deny} refuse by it; the pages ask it which
     * buttons to show (through {@code export.view.Decider}), and a notice asking for approval goes to no one else.
     * The host API takes no decisions at all ({@code HostExports}). Taking the requester's name, not an export,
     * so that what the pages hold (a view) is asked the same.
     */
    public static boolean mayBeDecided(String requester, String user, boolean superAdmin) {
        return superAdmin && !isSameUser(requester, user);
    }

    /** Who may withdraw an export that awaits approval, asked for by {@code requester}: that user alone. */
    public static boolean mayBeWithdrawn(String requester, String user) {
        return isSameUser(requester, user);
    }

    /**
     * Whether two user names name the same user, as four eyes must tell: without case, as Keycloak compares its
     * user names (it keeps them in lower case, and signs "Alice" in as alice). So a request under one spelling of a
     * name is not approved under another: a host application's principal (the host EJB API runs in a security
     * domain of its own, whose names may be written in any case) against a Keycloak user's. The host API takes no
     * decisions at all (HostExports): a name of another domain that differs in more than case cannot be tied to a
     * Keycloak user here.
     */
    private static boolean isSameUser(String one, String other) {
        return one != null && other != null && one.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

    /**
     * A decision at or after the deadline comes too late, even before the expiry timer has run: the timer ticks
     * once a minute, and what it would expire must not start meanwhile. Nothing changes here; the boundary
     * expires it on the spot, as the timer would ({@code ApprovalExpiry}).
     */
    private void requireInTime(Instant at, String move) {
        if (isApprovalExpired(at)) {
            throw new ApprovalExpired(id == null ? 0 : id, move);
        }
    }

    private void requireAwaitingApproval(String move) {
        if (status != ExportStatus.AWAITING_APPROVAL) {
            throw new ExportNotAwaitingApproval(id == null ? 0 : id, status.name(), move);
        }
    }

    private void requireInProgress(String move) {
        if (status != ExportStatus.PROCESSING) {
            throw new ExportNotInProgress(id == null ? 0 : id, status.name(), move);
        }
    }

    public Long id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String source() {
        return source;
    }

    public ExportFormat format() {
        return format;
    }

    public String filters() {
        return filters;
    }

    public Long records() {
        return records;
    }

    public long written() {
        return written;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public ExportStatus status() {
        return status;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Long fileSize() {
        return fileSize;
    }

    public String sha256() {
        return sha256;
    }

    public boolean isRecordedByHost() {
        return recordedByHost;
    }

    /** The node that runs it while it is in progress; the last one that did, once it ended. */
    public String node() {
        return node;
    }

    public int takeovers() {
        return takeovers;
    }

    public Instant purgedAt() {
        return purgedAt;
    }

    public String cancelledBy() {
        return cancelledBy;
    }

    /** Why it failed, for ExportFailure.parse(); null unless it did. */
    public String failure() {
        return failure;
    }

    public Long policyId() {
        return policyId;
    }

    /** The deciding policy as it read when it decided, in English; null when none did. */
    public String policy() {
        return policy;
    }

    /** The deciding policy's terms as they read when it decided; null when none did, or before V13. */
    public PolicyTerms policyTerms() {
        return policyTerms;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /** The denial's reason or the block's message; null for any other export. */
    public String reason() {
        return status == ExportStatus.DENIED || status == ExportStatus.BLOCKED ? reason : null;
    }

    public Instant awaitingUntil() {
        return awaitingUntil;
    }
}
