package org.exportaudit.dashboard.entity;

import jakarta.ejb.ApplicationException;

/**
 * A dashboard that cannot be drawn as asked (a number of days out of range); nothing was read.
 * The REST API answers 400 with {@link #reason()} as the error.
 */
@ApplicationException(rollback = true)
public class DashboardRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public DashboardRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A short, stable code for scripts: {@code invalid-days}. */
    public String reason() {
        return reason;
    }
}
