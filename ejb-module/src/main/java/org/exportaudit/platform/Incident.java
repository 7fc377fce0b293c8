package org.exportaudit.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure of ours that a caller hears of: the cause (a database's message, SQL, a stack trace)
 * goes to the server's log under a short id, and only the id reaches the caller, who can quote it
 * to the operator. Callers never read the cause itself: it may name tables, SQL or values.
 */
public final class Incident {

    private static final SecureRandom IDS = new SecureRandom();

    private Incident() {
    }

    /** Logs {@code cause} as SEVERE under a new incident id, saying {@code what} failed; returns the id. */
    public static String logged(Logger log, String what, Throwable cause) {
        String id = newId();
        log.log(Level.SEVERE, "Incident " + id + ": " + what, cause);
        return id;
    }

    /** Twelve hex digits: short enough to quote on the phone, 2^48 ids apart. */
    static String newId() {
        byte[] id = new byte[6];
        IDS.nextBytes(id);
        return HexFormat.of().withUpperCase().formatHex(id);
    }
}
