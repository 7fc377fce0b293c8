package org.exportaudit.export.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.exportaudit.client.ExportView;
import org.junit.jupiter.api.Test;

/** The pages' buttons follow the export's rule, the one its refusals follow (ExportApprovalTest). */
class DeciderTest {

    private static ExportView asked(String user, String status) {
        return new ExportView(7, "contacts.csv", "contacts", "CSV", 120_000L, 0, user, Instant.EPOCH, status, null,
                null, null, null, null, false, null, null, null, null, null, null, null);
    }

    @Test
    void a_super_admin_decides_on_anothers_waiting_export_and_only_its_requester_withdraws_it() {
        ExportView waiting = asked("bob", "AWAITING_APPROVAL");

        assertTrue(new Decider("alice", true).mayDecide(waiting));
        assertFalse(new Decider("alice", true).mayWithdraw(waiting));
        assertFalse(new Decider("carol", false).mayDecide(waiting), "an exporter decides nothing");
        assertFalse(new Decider("carol", false).mayWithdraw(waiting));
        assertTrue(new Decider("bob", false).mayWithdraw(waiting));
        assertFalse(new Decider("bob", true).mayDecide(waiting), "four eyes");
        assertTrue(new Decider("bob", true).mayWithdraw(waiting));
    }

    @Test
    void names_are_compared_as_the_refusals_compare_them_without_case() {
        ExportView waiting = asked("Bob", "AWAITING_APPROVAL"); // a host principal's spelling

        assertFalse(new Decider("bob", true).mayDecide(waiting), "the boundary would refuse it as their own");
        assertTrue(new Decider("bob", false).mayWithdraw(waiting), "the boundary would let them withdraw it");
    }

    @Test
    void nobody_decides_on_an_export_that_no_longer_waits() {
        for (String status : new String[] {"PROCESSING", "COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED", "BLOCKED"}) {
            assertFalse(new Decider("alice", true).mayDecide(asked("bob", status)), status);
            assertFalse(new Decider("bob", false).mayWithdraw(asked("bob", status)), status);
        }
    }
}
