package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * A policy that cannot be stored as given: a limit or window out of range, an unknown source,
 * action or role, a message too long, or the same rule as an existing policy. Nothing was stored.
 * The REST API answers 400 with {@link #reason()} as the error.
 */
@ApplicationException(rollback = true)
public class PolicyRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public PolicyRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
