package org.exportaudit.audit.view;

import java.io.Serializable;
import java.time.Instant;

/** One download of an export's file, as the download history shows it. */
public record DownloadView(String user, String ipAddress, String userAgent, Instant at) implements Serializable {
}
