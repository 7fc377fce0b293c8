package org.exportaudit.audit.entity;

import java.time.Instant;

/**
 * Someone downloaded an export's file. The address and the user agent are what the client sent,
 * cut to what the download history keeps: a client chooses how long its User-Agent is, and neither
 * its download nor the audit record may fail for it.
 */
public record FileDownloaded(long exportId, String user, String ipAddress, String userAgent, Instant at) {

    public FileDownloaded {
        ipAddress = Download.fitted(ipAddress, Download.IP_ADDRESS_LENGTH);
        userAgent = Download.fitted(userAgent, Download.USER_AGENT_LENGTH);
    }
}
