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

    // The sizes of the columns (V3__audit.sql). Both are only recorded, never acted on: a longer
    // value is cut to fit (FileDownloaded does it), and the download goes ahead.
    public static final int IP_ADDRESS_LENGTH = 64;
    public static final int USER_AGENT_LENGTH = 1000;

    @Id
    @SequenceGenerator(name = "download_id", sequenceName = "download_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "download_id")
    private Long id;

    @Column(name = "export_id", nullable = false, updatable = false)
    private long exportId;

    @Column(name = "username", nullable = false, updatable = false)
    private String user;

    @Column(name = "ip_address", nullable = false, updatable = false, length = IP_ADDRESS_LENGTH)
    private String ipAddress;

    @Column(name = "user_agent", updatable = false, length = USER_AGENT_LENGTH)
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
        this.userAgent = downloaded.userAgent();
        this.at = downloaded.at();
    }

    /** The text cut to at most {@code length} characters, never between the two halves of a surrogate pair. */
    static String fitted(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
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
