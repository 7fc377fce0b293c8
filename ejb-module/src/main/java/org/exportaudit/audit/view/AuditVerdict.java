package org.exportaudit.audit.view;

import java.io.Serializable;

/**
 * What a verification of the audit chain found: valid, or the first bad place ({@code firstBadSeq})
 * and what is wrong there; how many records it checked, the head it found, and the last anchor the
 * chain holds (null when none was published).
 */
public record AuditVerdict(boolean valid, long checked, long headSeq, String headHash, Long firstBadSeq,
        String problem, AuditAnchor lastAnchor) implements Serializable {
}
