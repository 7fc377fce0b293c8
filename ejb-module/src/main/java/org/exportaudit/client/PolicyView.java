package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;

/** An export policy as super admins see it; {@code description} says it in a sentence. */
public record PolicyView(long id, String source, String appliesTo, String action, long limit, String window,
        String measure, String message, String createdBy, Instant createdAt, String description)
        implements Serializable {
}
