package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * A policy refused the export before it ran: its record count (or the caller's total over the
 * policy's window) reached the policy's limit. The refused attempt stays in the export log as
 * {@code BLOCKED}, audited, so this exception commits what it reports rather than rolling it back.
 * The REST API answers 403 {@code blocked-by-policy} with the policy, its limit and its message.
 */
@ApplicationException(rollback = false)
public class ExportBlocked extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long exportId;
    private final long policyId;
    private final String policy;
    private final long limit;

    public ExportBlocked(long exportId, long policyId, String policy, long limit, String message) {
        super(message);
        this.exportId = exportId;
        this.policyId = policyId;
        this.policy = policy;
        this.limit = limit;
    }

    /** The refused attempt, as it stays in the log. */
    public long exportId() {
        return exportId;
    }

    public long policyId() {
        return policyId;
    }

    /** What the policy says, for people: "Blocked from 1,000,000 records of contacts". */
    public String policy() {
        return policy;
    }

    public long limit() {
        return limit;
    }
}
