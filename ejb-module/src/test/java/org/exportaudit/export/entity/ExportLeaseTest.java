package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.exportaudit.client.ExportNotInProgress;
import org.junit.jupiter.api.Test;

/** Who runs an export in a cluster: its node's lease, and the takeover when that node is lost. */
class ExportLeaseTest {

    private static final Instant ASKED = Instant.parse("2026-11-29T09:00:00Z");
    private static final Lease LEASE = new Lease(Duration.ofSeconds(15));

    private static Export runBy(String node) {
        Export export = Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", "bob", ASKED);
        export.runBy(node, LEASE.from(ASKED));
        return export;
    }

    @Test
    void the_node_that_took_the_request_runs_it_while_its_lease_holds() {
        Export export = runBy("node-1");

        assertTrue(export.isRunBy("node-1"));
        assertFalse(export.isRunBy("node-2"));
        assertFalse(export.isOrphaned(ASKED.plusSeconds(15)), "a lease holds up to its end");
        assertTrue(export.isOrphaned(ASKED.plusSeconds(16)), "and not after");
    }

    @Test
    void another_node_takes_over_a_lost_export_and_runs_it_again_from_zero() {
        Export export = runBy("node-1");
        export.counted(1_000);
        export.progressed(400);

        String from = export.takeOver("node-2", LEASE.from(ASKED.plusSeconds(20)));

        assertEquals("node-1", from);
        assertEquals("node-2", export.lease().node());
        assertEquals(1, export.lease().takeovers());
        assertEquals(0, export.written(), "what the lost node wrote is not counted");
        assertNull(export.jobExecutionId(), "a new job runs it");
        assertTrue(export.isRunBy("node-2"));
        assertFalse(export.isRunBy("node-1"), "the lost node, should it wake, is fenced off");
        assertFalse(export.isOrphaned(ASKED.plusSeconds(30)));
    }

    @Test
    void a_second_count_after_a_takeover_is_not_announced_again() {
        Export export = runBy("node-1");
        assertTrue(export.counted(1_000), "the first count is announced");
        export.takeOver("node-2", LEASE.from(ASKED.plusSeconds(20)));

        assertFalse(export.counted(1_000), "the takeover's count is not");
        assertEquals(1_000, export.records());
    }

    @Test
    void an_export_that_lost_its_node_three_times_is_not_taken_over_again() {
        Export export = runBy("node-1");
        for (int takeover = 1; takeover <= Lease.MAX_TAKEOVERS; takeover++) {
            assertTrue(export.lease().mayBeTakenOver());
            export.takeOver("node-" + (takeover % 2 + 1), LEASE.from(ASKED.plusSeconds(20L * takeover)));
        }

        assertFalse(export.lease().mayBeTakenOver());
        assertThrows(IllegalStateException.class, () -> export.takeOver("node-1", LEASE.from(ASKED.plusSeconds(100))));
    }

    @Test
    void a_lease_handed_back_at_shutdown_may_be_taken_over_at_once_and_fences_off_its_node() {
        Export export = runBy("node-1");

        export.handBack();

        assertTrue(export.isOrphaned(ASKED), "no need to wait for the lease to run out");
        assertFalse(export.isRunBy("node-1"), "the stopping job must not fail or publish it");
    }

    @Test
    void an_export_that_ended_is_neither_run_by_its_node_nor_orphaned_nor_taken_over() {
        Export export = runBy("node-1");
        export.cancel("alice", ASKED.plusSeconds(1));

        assertFalse(export.isRunBy("node-1"), "a cancel through another node stops the job on this one");
        assertFalse(export.isOrphaned(ASKED.plusSeconds(60)));
        assertThrows(ExportNotInProgress.class, () -> export.takeOver("node-2", ASKED.plusSeconds(60)));
    }

    @Test
    void an_export_of_before_nodes_has_no_lease_and_is_taken_over() {
        Export export = Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", "bob", ASKED);

        assertTrue(export.isOrphaned(ASKED));
        assertNull(export.takeOver("node-1", LEASE.from(ASKED)));
    }
}
