package org.exportaudit.siem.view;

import java.time.Instant;

/**
 * A SIEM receiver's delivery state, as super admins see it: its name (the address without
 * credentials), {@code webhook} or {@code syslog}, the last record it took and how many it has yet
 * to take; while it fails, since when, how often in a row, the last error and the next attempt.
 */
public record ReceiverView(String name, String kind, long deliveredSeq, long behind, Instant failingSince,
        int attempts, String lastError, Instant nextAttemptAt) {

    public boolean isFailing() {
        return failingSince != null;
    }
}
