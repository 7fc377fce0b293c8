package org.exportaudit.export.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The file a completed export left here: its size and digest as published, and when the retention timer deleted
 * it. Kept apart from the export's life cycle because the file outlives the run and goes on its own schedule;
 * the export decides whether it may be downloaded or purged. Empty until the export completes (the provider then
 * loads none), so the export reads it through {@link #NONE}.
 */
@Embeddable
public class StoredFile {

    /** The file of an export that has none (yet); never changed. */
    static final StoredFile NONE = new StoredFile();

    @Column(name = "file_size")
    private Long size;

    @Column(name = "sha256")
    private String sha256;

    /** When the retention timer deleted the file: the row stays in the log, the file is gone. */
    @Column(name = "purged_at")
    private Instant purgedAt;

    protected StoredFile() {
        // for JPA
    }

    StoredFile(long size, String sha256) {
        this.size = size;
        this.sha256 = sha256;
    }

    void purged(Instant at) {
        this.purgedAt = at;
    }

    boolean isPurged() {
        return purgedAt != null;
    }

    public Long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public Instant purgedAt() {
        return purgedAt;
    }
}
