package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;

/**
 * A large-export notice as its super admin sees it, with where its mail is: {@code mail} is
 * PENDING, SENDING, SENT or FAILED (given up after {@code mailAttempts}), or null when the admin
 * has no address.
 */
public record NoticeView(long id, long exportId, String exportedBy, String source, String fileName, long records,
        int threshold, Instant at, boolean read, String mail, int mailAttempts) implements Serializable {

    /** The mail was given up: the admin has only this notice. */
    public boolean isMailUndelivered() {
        return "FAILED".equals(mail);
    }
}
