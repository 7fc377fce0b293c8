package org.exportaudit.export.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Which node of the cluster runs an export, until when its claim holds, and how often the export was taken over:
 * kept apart from the export's life cycle because a cluster's bookkeeping is a concern of its own (see
 * {@link Lease} for how long a claim lasts). The export asks it only while it is in progress; once it ended, the
 * node is the last one that ran it. Columns as V6 added them.
 */
@Embeddable
public class NodeLease {

    private static final int NODE_LENGTH = 100;

    @Column(name = "node", length = NODE_LENGTH)
    private String node;

    /** Until when its node's lease holds; null once handed back (an orderly shutdown) or while it awaits approval. */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** How often another run took it over after its node was lost. */
    @Column(name = "takeovers", nullable = false)
    private int takeovers;

    /** {@code node} runs it, under a lease until {@code until}. */
    void take(String node, Instant until) {
        this.node = node;
        this.leaseUntil = until;
    }

    /**
     * {@code node} runs it again from the start; returns the node it was taken from (null for an export from before
     * nodes were recorded). Refused once it has cost too many nodes ({@link #mayBeTakenOver}).
     */
    String takeOver(Long exportId, String node, Instant until) {
        if (!mayBeTakenOver()) {
            throw new IllegalStateException("Export " + exportId + " was taken over " + takeovers + " times already");
        }
        String from = this.node;
        take(node, until);
        takeovers++;
        return from;
    }

    /** No node runs it: handed back at a shutdown, or held for approval. */
    void release() {
        this.leaseUntil = null;
    }

    boolean isHeldBy(String node) {
        return node.equals(this.node) && leaseUntil != null;
    }

    /** Ran out or handed back. Judged by the reader's clock: the nodes' clocks must agree to well within a lease. */
    boolean hasRunOut(Instant now) {
        return leaseUntil == null || leaseUntil.isBefore(now);
    }

    /** Whether it may be run once more after its node was lost, or has cost too many nodes already. */
    public boolean mayBeTakenOver() {
        return takeovers < Lease.MAX_TAKEOVERS;
    }

    /** The node that runs it while it is in progress; the last one that did, once it ended. */
    public String node() {
        return node;
    }

    public int takeovers() {
        return takeovers;
    }
}
