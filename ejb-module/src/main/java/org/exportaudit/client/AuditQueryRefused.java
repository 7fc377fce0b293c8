package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * A read of the audit trail that cannot be run as asked: an unknown kind, a date that is none, a
 * range that ends before it starts, a cursor that no page returned, a limit out of range. Nothing
 * was read, and a refused download is not one. The REST API answers 400 with {@link #reason()} as
 * the error.
 */
@ApplicationException(rollback = true)
public class AuditQueryRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public AuditQueryRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A short, stable code for scripts: {@code invalid-kind}, {@code invalid-cursor}, … */
    public String reason() {
        return reason;
    }
}
