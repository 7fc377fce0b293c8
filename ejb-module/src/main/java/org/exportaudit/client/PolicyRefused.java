package org.exportaudit.client;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;

/**
 * A policy that cannot be stored as given: a limit or window out of range, an unknown source,
 * action or role, a message too long, or the same rule as an existing policy. Nothing was stored.
 * The REST API answers 400 with {@link #reason()} as the error.
 */
@ApplicationException(rollback = true)
public class PolicyRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /** Refused for {@code reason}; why, in words, is the text {@code key} of {@link Messages}. */
    public PolicyRefused(String reason, String key, Serializable... arguments) {
        super(key, arguments);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
