package org.exportaudit.notification.entity;

import java.time.Instant;

/** What a notice tells about an export: who exported which source, how many records, the file, when. */
public record LargeExport(long exportId, String user, String source, String sourceLabel, String fileName,
        long records, Instant at) {

    /** The same export, its source named as a reader in another language calls it. */
    public LargeExport labelled(String label) {
        return new LargeExport(exportId, user, source, label, fileName, records, at);
    }
}
