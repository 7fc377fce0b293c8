package org.exportaudit.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One download of an export's file: who, from which address, with which client, when. */
@Entity
@Table(name = "download")
public class Download {

    private static final int USER_AGENT_LENGTH = 1000;

    @Id
    @SequenceGenerator(name = "download_id", sequenceName = "download_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "download_id")
    private Long id;

    @Column(name = "export_id", nullable = false, updatable = false)
    private long exportId;

    @Column(name = "username", nullable = false, updatable = false)
    private String user;

    @Column(name = "ip_address", nullable = false, updatable = false)
    private String ipAddress;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    @Column(name = "downloaded_at", nullable = false, updatable = false)
    private Instant at;

    protected Download() {
        // for JPA
    }

    public Download(FileDownloaded downloaded) {
        this.exportId = downloaded.exportId();
        this.user = downloaded.user();
        this.ipAddress = downloaded.ipAddress();
        this.userAgent = downloaded.userAgent() == null ? null
                : downloaded.userAgent().substring(0, Math.min(downloaded.userAgent().length(), USER_AGENT_LENGTH));
        this.at = downloaded.at();
    }

    public String user() {
        return user;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    public Instant at() {
        return at;
    }
}
