package org.exportaudit.client;

import java.io.Serializable;

/** Contract stub (issue 14): replaced by the core's version at the merge. */
public record AuditVerdict(boolean valid, long checked, long headSeq, String headHash, Long firstBadSeq, String problem,
        AuditAnchor lastAnchor) implements Serializable {
}
