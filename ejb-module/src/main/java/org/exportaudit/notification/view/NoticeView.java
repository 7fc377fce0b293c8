package org.exportaudit.notification.view;

import java.io.Serializable;
import java.time.Instant;

/**
 * A large-export notice as its super admin sees it, with where its mail is: {@code mail} is
 * PENDING, SENDING, SENT or FAILED (given up after {@code mailAttempts}), or null when the admin
 * has no address. {@code approval} is true when the export waits for the admin's approval;
 * {@code threshold} is the admin's exceeded threshold, null for an approval request below it. The
 * export's status now, the policy that decided on it and who approved, denied or withdrew it tell
 * the admin what became of it.
 */
public record NoticeView(long id, long exportId, String exportedBy, String source, String fileName, long records,
        Integer threshold, boolean approval, Instant at, boolean read, String mail, int mailAttempts,
        String exportStatus, String policy, String decidedBy) implements Serializable {

    /** The mail was given up: the admin has only this notice. */
    public boolean isMailUndelivered() {
        return "FAILED".equals(mail);
    }
}
