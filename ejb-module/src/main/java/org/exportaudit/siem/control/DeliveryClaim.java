package org.exportaudit.siem.control;

import java.time.Instant;

/**
 * A sender's hold on a receiver: only the holder of the token moves its cursor. {@code deliveredSeq}
 * is where the receiver stood when it was claimed; {@code failingSince} whether it was failing then.
 */
public record DeliveryClaim(String receiver, String token, long deliveredSeq, Instant failingSince) {
}
