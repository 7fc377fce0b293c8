package org.exportaudit.retention.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.exportaudit.platform.DaysSetting;

/**
 * The audit retention, read once from a system property (set it in the server's configuration):
 * {@value #AUDIT_DAYS}, default 730. The download window is the export's rule
 * ({@code export.entity.DownloadWindow}).
 */
@ApplicationScoped
public class RetentionPolicy {

    public static final String AUDIT_DAYS = "export-audit.audit-retention-days";

    private Duration auditRetention;

    @PostConstruct
    void read() {
        auditRetention = DaysSetting.read(AUDIT_DAYS, 730);
    }

    /** How long audit records and download records are kept. */
    public Duration auditRetention() {
        return auditRetention;
    }
}
