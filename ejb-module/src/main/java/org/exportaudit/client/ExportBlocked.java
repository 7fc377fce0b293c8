package org.exportaudit.client;

import jakarta.ejb.ApplicationException;
import java.util.Locale;

/**
 * A policy refused the export before it ran: its record count (or the caller's total over the
 * policy's window) reached the policy's limit. The refused attempt stays in the export log as
 * {@code BLOCKED}, audited, so this exception commits what it reports rather than rolling it back.
 * The REST API answers 403 {@code blocked-by-policy} with the policy, its limit and its message.
 */
@ApplicationException(rollback = false)
public class ExportBlocked extends Refusal {

    private static final long serialVersionUID = 1L;

    private final long exportId;
    private final PolicyTerms policy;

    /** {@code policyMessage} is what the policy's author wrote for whoever it stops, null for none. */
    public ExportBlocked(long exportId, PolicyTerms policy, String policyMessage) {
        super(Kind.FORBIDDEN, "blocked-by-policy",
                policyMessage == null ? "export.blocked" : "export.blocked.policy-message",
                policyMessage == null ? policy : policyMessage);
        this.exportId = exportId;
        this.policy = policy;
    }

    /**
     * The reason a blocked export keeps in the log, in English as the log keeps its data: the
     * policy's own message (in its author's words, in any language), else what the policy is.
     */
    public static String reason(String policy, String policyMessage) {
        return policyMessage != null ? policyMessage : Messages.text(Locale.ENGLISH, "export.blocked", policy);
    }

    /** The refused attempt, as it stays in the log. */
    public long exportId() {
        return exportId;
    }

    public long policyId() {
        return policy.policyId();
    }

    /** What the policy says, for people: "#4 Blocked from 1,000,000 records of contacts" in English. */
    public String policy() {
        return policy.toString();
    }

    /** The policy's terms, to say them in a reader's language. */
    public PolicyTerms terms() {
        return policy;
    }

    public long limit() {
        return policy.limit();
    }
}
