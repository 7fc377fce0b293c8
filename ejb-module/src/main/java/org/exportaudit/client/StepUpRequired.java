package org.exportaudit.client;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * A step-up policy applies to the export and the caller's last password sign-in is older than
 * {@link #maxAge()} (or unknown: a caller whose identity carries no sign-in time never passes).
 * Nothing was exported; the attempt is audited, so the audit record commits. The pages send the
 * user through Keycloak's login again; the REST API answers 401 {@code step-up-required}.
 */
@ApplicationException(rollback = false)
public class StepUpRequired extends Refusal {

    private static final long serialVersionUID = 1L;

    private final long policyId;
    private final Duration maxAge;

    public StepUpRequired(PolicyTerms policy, Duration maxAge) {
        super(Kind.UNAUTHENTICATED, "step-up-required", "step-up.required", policy, maxAge.toMinutes());
        this.policyId = policy.policyId();
        this.maxAge = maxAge;
    }

    public long policyId() {
        return policyId;
    }

    /** How recent the caller's password sign-in must be. */
    public Duration maxAge() {
        return maxAge;
    }
}
