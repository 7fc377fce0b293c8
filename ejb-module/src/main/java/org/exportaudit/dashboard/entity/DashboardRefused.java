package org.exportaudit.dashboard.entity;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;
import org.exportaudit.client.Refusal;

/**
 * A dashboard that cannot be drawn as asked (a number of days out of range); nothing was read.
 * The REST API answers 400 with {@link #reason()} as the error.
 */
@ApplicationException(rollback = true)
public class DashboardRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /** Refused for {@code reason}; why, in words, is the text {@code key} of the client's Messages. */
    public DashboardRefused(String reason, String key, Serializable... arguments) {
        super(key, arguments);
        this.reason = reason;
    }

    /** A short, stable code for scripts: {@code invalid-days}. */
    public String reason() {
        return reason;
    }
}
