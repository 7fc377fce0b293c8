package org.exportaudit.notification.entity;

import jakarta.ejb.ApplicationException;

/** A threshold outside 1..275,000 or not a whole number. Nothing is saved. */
@ApplicationException(rollback = true)
public class InvalidThreshold extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidThreshold() {
        super("The large export notification threshold must be a whole number from 1 to 275,000,"
                + " or empty to turn notifications off.");
    }
}
