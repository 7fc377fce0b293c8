package org.exportaudit.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An in-app notice to one super admin: an export had more records than their threshold, or waits
 * for their approval (or both: one notice per admin and export).
 */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    @SequenceGenerator(name = "notice_id", sequenceName = "notice_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_id")
    private Long id;

    @Column(name = "admin_username", nullable = false, updatable = false)
    private String admin;

    @Column(name = "export_id", nullable = false, updatable = false)
    private long exportId;

    @Column(name = "exported_by", nullable = false, updatable = false)
    private String exportedBy;

    @Column(name = "source", nullable = false, updatable = false)
    private String source;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "records", nullable = false, updatable = false)
    private long records;

    /** The admin's threshold that the export exceeded; null for an approval request below it. */
    @Column(name = "threshold", updatable = false)
    private Integer threshold;

    /** The export waits for a super admin's approval: this notice asks for it. */
    @Column(name = "approval", nullable = false, updatable = false)
    private boolean approval;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notice() {
        // for JPA
    }

    /** A request for approval, to every super admin but the requester, whatever their threshold. */
    public static Notice askingApproval(String admin, LargeExport export, Integer threshold) {
        Notice notice = new Notice(admin, export, threshold);
        notice.approval = true;
        return notice;
    }

    public Notice(String admin, LargeExport export, Integer threshold) {
        this.admin = admin;
        this.exportId = export.exportId();
        this.exportedBy = export.user();
        this.source = export.source();
        this.fileName = export.fileName();
        this.records = export.records();
        this.threshold = threshold;
        this.createdAt = export.at();
    }

    public void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public boolean isFor(String user) {
        return admin.equals(user);
    }

    public Long id() {
        return id;
    }

    public long exportId() {
        return exportId;
    }

    public String exportedBy() {
        return exportedBy;
    }

    public String source() {
        return source;
    }

    public String fileName() {
        return fileName;
    }

    public long records() {
        return records;
    }

    public boolean asksApproval() {
        return approval;
    }

    public Integer threshold() {
        return threshold;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
