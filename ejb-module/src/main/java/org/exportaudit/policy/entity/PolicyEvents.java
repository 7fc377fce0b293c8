package org.exportaudit.policy.entity;

import java.time.Instant;
import java.util.List;

/** What super admins do to the export policies, published in the transaction of the change for the audit. */
public final class PolicyEvents {

    private PolicyEvents() {
    }

    /**
     * A policy was created ({@code before} null), changed, or removed ({@code after} null); each as its description,
     * and for a change every field that changed ({@code changes}, empty for a creation or a removal).
     */
    public record Changed(long policyId, String by, String before, String after, List<ExportPolicy.FieldChange> changes,
            Instant at) {

        public Changed {
            changes = List.copyOf(changes);
        }
    }
}
