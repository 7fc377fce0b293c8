package org.exportaudit.export.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import org.exportaudit.client.PolicyTerms;

/**
 * What is stored of an export, and how it reads: the request, its run and its outcome as columns, and the
 * embedded parts of its other concerns (which node runs it, the approval it waited for, the file it left, the
 * policy that decided on it). Nothing here changes a column: {@link Export}'s moves do, each after asking the
 * export's state; the fields are open to its package for them alone.
 */
@MappedSuperclass
public abstract class ExportColumns {

    // A sequence, not an identity column: EclipseLink's H2 platform still asks H2 for IDENTITY(),
    // which H2 2 no longer has.
    @Id
    @SequenceGenerator(name = "export_id", sequenceName = "export_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "export_id")
    Long id;

    @Column(name = "file_name", nullable = false, length = Export.FILE_NAME_LENGTH)
    String fileName;

    @Column(name = "source", nullable = false, length = Export.SOURCE_LENGTH)
    String source;

    @Enumerated(EnumType.STRING)
    @Column(name = "format", nullable = false)
    ExportFormat format;

    /** The filters as the request gave them, for the audit of what was exported. */
    @Column(name = "filters", nullable = false, length = Export.FILTERS_LENGTH)
    String filters;

    @Column(name = "records")
    Long records;

    @Column(name = "written", nullable = false)
    long written;

    @Column(name = "requested_by", nullable = false, length = Export.USER_LENGTH)
    String requestedBy;

    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = Export.STATUS_LENGTH)
    ExportStatus status;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "cancelled_by", length = Export.USER_LENGTH)
    String cancelledBy;

    /** Why it failed, as a code and its values with an incident id (ExportFailure.stored()): never the cause's own text. */
    @Column(name = "failure", length = 1000)
    String failure;

    /** True for exports a host application performed itself: there is no file here. */
    @Column(name = "recorded_by_host", nullable = false)
    boolean recordedByHost;

    @Column(name = "job_execution_id")
    Long jobExecutionId;

    /** The message of the policy that blocked it (ExportBlocked.reason()); null unless one did. */
    @Column(name = "block_message", length = 1000)
    String blockMessage;

    /** Never null: its takeovers column never is, so the provider always loads one. */
    @Embedded
    NodeLease lease = new NodeLease();

    /** Null when it never waited for an approval (see {@link Approval#NONE}). */
    @Embedded
    Approval approval;

    /** Null until it completed with a file here (see {@link StoredFile#NONE}). */
    @Embedded
    StoredFile file;

    /** Null when no policy decided on it (see {@link PolicySnapshot#NONE}). */
    @Embedded
    PolicySnapshot snapshot;

    protected ExportColumns() {
        // for JPA
    }

    /** Which node runs it, until when, and how often it was taken over. */
    public NodeLease lease() {
        return lease;
    }

    /** The approval it waited for; empty when it never waited (the provider loads none: all its columns are null). */
    public Approval approval() {
        return approval == null ? Approval.NONE : approval;
    }

    /** The file it left here; empty until it completed with one (the provider loads none before). */
    public StoredFile file() {
        return file == null ? StoredFile.NONE : file;
    }

    /** The policy that decided on it, as it read then; empty when none did. */
    public PolicySnapshot snapshot() {
        return snapshot == null ? PolicySnapshot.NONE : snapshot;
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

    public boolean isRecordedByHost() {
        return recordedByHost;
    }

    public String cancelledBy() {
        return cancelledBy;
    }

    /** Why it failed, for ExportFailure.parse(); null unless it did. */
    public String failure() {
        return failure;
    }

    /** The blocking policy's message; null unless a policy blocked it. */
    public String blockMessage() {
        return blockMessage;
    }

    public Long policyId() {
        return snapshot().policyId();
    }

    /** The deciding policy as it read when it decided, in English; null when none did. */
    public String policy() {
        return snapshot().policy();
    }

    /** The deciding policy's terms as they read when it decided; null when none did, or before V13. */
    public PolicyTerms policyTerms() {
        return snapshot().policyTerms();
    }
}
