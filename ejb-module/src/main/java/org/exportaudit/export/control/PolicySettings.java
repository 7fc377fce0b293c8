package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.exportaudit.platform.DurationSetting;

/**
 * How long an approval request waits for an answer ({@value #APPROVAL_EXPIRY}, default 72 hours),
 * and how recent a password sign-in a step-up policy asks for ({@value #STEP_UP_MAX_AGE}, default
 * 5 minutes); read once from the server's system properties.
 */
@ApplicationScoped
public class PolicySettings {

    public static final String APPROVAL_EXPIRY = "export-audit.approval.expiry";
    public static final String STEP_UP_MAX_AGE = "export-audit.step-up.max-age";

    private final Duration approvalExpiry = DurationSetting.read(APPROVAL_EXPIRY, Duration.ofHours(72),
            Duration.ofMinutes(1), Duration.ofDays(31));

    private final Duration stepUpMaxAge = DurationSetting.read(STEP_UP_MAX_AGE, Duration.ofMinutes(5),
            Duration.ofSeconds(10), Duration.ofHours(12));

    public Duration approvalExpiry() {
        return approvalExpiry;
    }

    public Duration stepUpMaxAge() {
        return stepUpMaxAge;
    }
}
