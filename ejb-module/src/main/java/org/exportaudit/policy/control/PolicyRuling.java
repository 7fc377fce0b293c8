package org.exportaudit.policy.control;

import org.exportaudit.client.PolicyAction;
import org.exportaudit.policy.entity.ExportPolicy;

/** The policy that decides on an export, and the total that reached its limit (records or exports). */
public record PolicyRuling(ExportPolicy policy, long total) {

    public PolicyAction action() {
        return policy.action();
    }

    /** The decision this policy would take is the milder one: the strictest wins, the first of equals stays. */
    boolean isMilderThan(ExportPolicy other) {
        return other.action().isStricterThan(policy.action());
    }
}
