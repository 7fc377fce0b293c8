package org.exportaudit.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.exportaudit.client.NoticeView;

/** An in-app notice to one super admin: an export had more records than their threshold. */
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

    @Column(name = "threshold", nullable = false, updatable = false)
    private int threshold;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notice() {
        // for JPA
    }

    public Notice(String admin, LargeExport export, int threshold) {
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

    /** The notice as its admin sees it, with its mail if it has one (null when the admin has no address). */
    public NoticeView view(OutgoingMail mail) {
        return new NoticeView(id, exportId, exportedBy, source, fileName, records, threshold, createdAt, readAt != null,
                mail == null ? null : mail.status().name(), mail == null ? 0 : mail.attempts());
    }
}
