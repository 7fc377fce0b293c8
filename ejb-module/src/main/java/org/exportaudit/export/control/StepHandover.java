package org.exportaudit.export.control;

/**
 * What the steps of one export job tell each other, kept as the job context's transient data: it
 * lives exactly as long as the job execution.
 */
final class StepHandover {

    private Long exportId;
    private boolean allRead;
    private long fileSize = -1;
    private String sha256;
    private boolean published;
    private Exception failure;

    Long exportId() {
        return exportId;
    }

    void exportId(long id) {
        exportId = id;
    }

    void allRead() {
        allRead = true;
    }

    boolean isAllRead() {
        return allRead;
    }

    void written(long size, String digest) {
        fileSize = size;
        sha256 = digest;
    }

    boolean isWritten() {
        return sha256 != null;
    }

    long fileSize() {
        return fileSize;
    }

    String sha256() {
        return sha256;
    }

    void published() {
        published = true;
    }

    boolean isPublished() {
        return published;
    }

    /** The first step's failure: what went wrong first, not what it caused. */
    void failed(Exception cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** Why a step failed, for the server's log only (it may hold SQL and values); null if none did. */
    Exception failure() {
        return failure;
    }

    static StepHandover of(jakarta.batch.runtime.context.JobContext job) {
        if (job.getTransientUserData() == null) {
            job.setTransientUserData(new StepHandover());
        }
        return (StepHandover) job.getTransientUserData();
    }
}
