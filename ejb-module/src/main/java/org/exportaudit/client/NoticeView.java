package org.exportaudit.client;

import java.io.Serializable;
import java.time.Instant;

/** A large-export notice as its super admin sees it. */
public record NoticeView(long id, long exportId, String exportedBy, String source, String fileName, long records,
        int threshold, Instant at, boolean read) implements Serializable {
}
