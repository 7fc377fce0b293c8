package org.exportaudit.retention.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The download window and the audit retention, read once from system properties (set them in
 * the server's configuration): {@value #DOWNLOAD_DAYS}, default 30, and {@value #AUDIT_DAYS},
 * default 730. A value that is not a whole number of days from 1 stops the deployment, rather
 * than purging files or audit records too early.
 */
@ApplicationScoped
public class RetentionPolicy {

    public static final String DOWNLOAD_DAYS = "export-audit.download-days";
    public static final String AUDIT_DAYS = "export-audit.audit-retention-days";

    private Duration downloadWindow;
    private Duration auditRetention;

    @PostConstruct
    void read() {
        downloadWindow = days(DOWNLOAD_DAYS, System.getProperty(DOWNLOAD_DAYS), 30);
        auditRetention = days(AUDIT_DAYS, System.getProperty(AUDIT_DAYS), 730);
    }

    /** How long after its export completed a file can be downloaded. */
    public Duration downloadWindow() {
        return downloadWindow;
    }

    /** How long audit records and download records are kept. */
    public Duration auditRetention() {
        return auditRetention;
    }

    static Duration days(String property, String configured, int byDefault) {
        if (configured == null || configured.isBlank()) {
            return Duration.ofDays(byDefault);
        }
        try {
            long days = Long.parseLong(configured.strip());
            if (days >= 1 && days <= 36_500) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException(property + " must be a whole number of days from 1 to 36500, not '"
                + configured + "'");
    }
}
