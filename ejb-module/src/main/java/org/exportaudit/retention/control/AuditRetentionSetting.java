package org.exportaudit.retention.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.exportaudit.platform.Settings;

/**
 * The audit retention, read once from a system property (set it in the server's configuration):
 * {@code export-audit.audit-retention-days}, default 730. The download window is the export's rule
 * ({@code export.entity.DownloadWindow}).
 */
@ApplicationScoped
public class AuditRetentionSetting {

    @Inject
    Settings settings;

    private Duration auditRetention;

    @PostConstruct
    void read() {
        auditRetention = settings.get(Settings.AUDIT_RETENTION_DAYS);
    }

    /** How long audit records and download records are kept. */
    public Duration auditRetention() {
        return auditRetention;
    }
}
