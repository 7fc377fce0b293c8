package org.exportaudit.client;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;

/**
 * An export request that cannot be run as asked: an unknown source or format, a filter on a
 * column the source does not declare or with a value not of its column's type ({@code
 * invalid-filter}), an unsafe file name. Nothing was created. The REST API
 * answers 400 with {@link #reason()} as the error and the message as the message.
 */
@ApplicationException(rollback = true)
public class ExportRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /** Refused for {@code reason}; why, in words, is the text {@code key} of {@link Messages}. */
    public ExportRefused(String reason, String key, Serializable... arguments) {
        super(key, arguments);
        this.reason = reason;
    }

    /** A short, stable code for scripts: {@code unknown-source}, {@code invalid-file-name}, … */
    public String reason() {
        return reason;
    }
}
