package org.exportaudit.policy.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.exportaudit.platform.Settings;

/**
 * How long an approval request waits for an answer ({@code export-audit.approval.expiry}, default 72 hours),
 * and how recent a password sign-in a step-up policy asks for ({@code export-audit.step-up.max-age}, default
 * 5 minutes); read once from the server's system properties.
 */
@ApplicationScoped
public class PolicySettings {

    @Inject
    Settings settings;

    private Duration approvalExpiry;

    private Duration stepUpMaxAge;

    @PostConstruct
    void read() {
        approvalExpiry = settings.get(Settings.APPROVAL_EXPIRY);
        stepUpMaxAge = settings.get(Settings.STEP_UP_MAX_AGE);
    }

    public Duration approvalExpiry() {
        return approvalExpiry;
    }

    public Duration stepUpMaxAge() {
        return stepUpMaxAge;
    }
}
