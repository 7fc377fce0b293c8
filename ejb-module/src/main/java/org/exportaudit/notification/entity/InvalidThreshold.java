package org.exportaudit.notification.entity;

import jakarta.ejb.ApplicationException;
import org.exportaudit.client.Refusal;

/** A threshold outside 1..275,000 or not a whole number. Nothing is saved. */
@ApplicationException(rollback = true)
public class InvalidThreshold extends Refusal {

    private static final long serialVersionUID = 1L;

    public InvalidThreshold() {
        super("threshold.invalid");
    }
}
