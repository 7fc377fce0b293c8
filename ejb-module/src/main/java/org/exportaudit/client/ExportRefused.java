package org.exportaudit.client;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;

/**
 * An export request that cannot be run as asked: an unknown source or format, a filter on a
 * column the source does not declare or with a value not of its column's type ({@code
 * invalid-filter}), an unsafe file name. Nothing was created. The REST API
 * answers 400 with {@link #reason()} as the error and the message as the message. A type of its own
 * because the host API documents it ({@link ExportOperations}): host applications catch it.
 */
@ApplicationException(rollback = true)
public class ExportRefused extends Refusal {

    private static final long serialVersionUID = 1L;

    /** Refused for {@code reason}; why, in words, is the text {@code key} of {@link Messages}. */
    public ExportRefused(String reason, String key, Serializable... arguments) {
        super(Kind.INVALID, reason, key, arguments);
    }

    /** Its {@link #code()}, by the name host applications have always read it: {@code unknown-source}, … */
    public String reason() {
        return code();
    }
}
