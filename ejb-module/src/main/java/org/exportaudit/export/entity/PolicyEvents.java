package org.exportaudit.export.entity;

import java.time.Instant;

/** What super admins do to the export policies, published in the transaction of the change for the audit. */
public final class PolicyEvents {

    private PolicyEvents() {
    }

    /** A policy was created ({@code before} null), changed, or removed ({@code after} null); each as its description. */
    public record Changed(long policyId, String by, String before, String after, Instant at) {
    }
}
