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

    /**
     * {@code file} as the retention timer deleted it at {@code at}. A row that kept neither size nor digest has no
     * part to record it in (none is written so, yet it has a file): it gets one, as before the file was a part.
     */
    static StoredFile purged(StoredFile file, Instant at) {
        StoredFile purged = file == null ? new StoredFile() : file;
        purged.recordPurge(at);
        return purged;
    }

    private void recordPurge(Instant at) {
        this.purgedAt = at;
    }

    /** Whether an export in {@code status} has its file here: it completed here (not at a host) and is not purged. */
    boolean isHere(ExportStatus status, boolean recordedByHost) {
        return status == ExportStatus.COMPLETED && !recordedByHost && purgedAt == null;
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
