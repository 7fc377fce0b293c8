package org.exportaudit.client;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;

/**
 * A read of the audit trail that cannot be run as asked: an unknown kind, a date that is none, a
 * range that ends before it starts, a cursor that no page returned, a limit out of range. Nothing
 * was read, and a refused download is not one. The REST API answers 400 with {@link #reason()} as
 * the error.
 */
@ApplicationException(rollback = true)
public class AuditQueryRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /** Refused for {@code reason}; why, in words, is the text {@code key} of {@link Messages}. */
    public AuditQueryRefused(String reason, String key, Serializable... arguments) {
        super(key, arguments);
        this.reason = reason;
    }

    /** A short, stable code for scripts: {@code invalid-kind}, {@code invalid-cursor}, … */
    public String reason() {
        return reason;
    }
}
