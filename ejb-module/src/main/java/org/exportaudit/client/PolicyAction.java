package org.exportaudit.client;

import java.util.Locale;

/**
 * What a policy does to an export that reaches its limit, from the mildest to the strictest: when
 * several policies are reached, the strictest decides.
 */
public enum PolicyAction {
    /** Nothing beyond a notice to the super admins. */
    NOTIFY("notify"),
    /** The requester must have entered their password again a few minutes ago. */
    STEP_UP("step-up"),
    /** The export is counted, then waits for a super admin other than the requester. */
    APPROVE("approve"),
    /** Refused before it runs. */
    BLOCK("block");

    private final String key;

    PolicyAction(String key) {
        this.key = key;
    }

    /** The name the API and the pages use: {@code notify}, {@code step-up}, {@code approve}, {@code block}. */
    public String key() {
        return key;
    }

    public boolean isStricterThan(PolicyAction other) {
        return compareTo(other) > 0;
    }

    public static PolicyAction named(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (PolicyAction action : values()) {
                if (action.key.equals(wanted)) {
                    return action;
                }
            }
        }
        throw Refusal.invalid("invalid-action", "policy.action.invalid");
    }
}
