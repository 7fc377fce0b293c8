package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.exportaudit.siem.control.DeliveryClaim;
import org.exportaudit.siem.control.DeliveryCursors;
import org.exportaudit.siem.entity.AuditDelivery;
import org.exportaudit.siem.entity.OutletKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the claims on SIEM receivers' cursors, which keep two senders (two runs on one
 * node, two nodes of a cluster) from sending to one receiver at once and so out of order. The cursor
 * raced for is a test receiver's that no configured outlet names, claimed a day from now.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class DeliveryClaimsIT {

    private static final Instant TOMORROW = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(1));

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Inject
    DeliveryCursors cursors;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService senders;

    private String receiver;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(DeliveryClaimsIT.class);
    }

    @BeforeEach
    void testReceiver() {
        receiver = "test://claims-" + System.nanoTime();
        cursors.open(receiver, OutletKind.WEBHOOK);
    }

    @AfterEach
    void forget() throws Exception {
        transaction.begin();
        em.remove(em.find(AuditDelivery.class, receiver));
        transaction.commit();
    }

    @Test
    void a_new_receiver_starts_at_the_head_and_of_two_senders_claiming_it_at_once_exactly_one_gets_it() throws Exception {
        assertEquals(cursors.head(), delivery().deliveredSeq(), "a new receiver gets what comes, not the history");
        for (int round = 0; round < 20; round++) {
            Instant at = TOMORROW.plusSeconds(round);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Optional<DeliveryClaim>>> attempts = new ArrayList<>();
            for (int sender = 0; sender < 2; sender++) {
                attempts.add(senders.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return cursors.claim(receiver, at);
                }));
            }
            List<DeliveryClaim> winners = new ArrayList<>();
            for (Future<Optional<DeliveryClaim>> attempt : attempts) {
                attempt.get().ifPresent(winners::add);
            }
            assertEquals(1, winners.size(), "round " + round);
            cursors.release(winners.get(0));
        }
    }

    @Test
    void only_the_holder_moves_the_cursor_and_a_crashed_sender_s_claim_is_taken_over_after_a_minute() throws Exception {
        long start = delivery().deliveredSeq();
        DeliveryClaim crashed = cursors.claim(receiver, TOMORROW).orElseThrow();

        assertTrue(cursors.claim(receiver, TOMORROW.plusSeconds(30)).isEmpty(), "still held");
        DeliveryClaim takenOver = cursors.claim(receiver, TOMORROW.plusSeconds(61)).orElseThrow();

        assertFalse(cursors.delivered(crashed, start + 1, TOMORROW.plusSeconds(62)), "the old claim moves nothing");
        assertEquals(start, delivery().deliveredSeq());
        assertTrue(cursors.delivered(takenOver, start + 1, TOMORROW.plusSeconds(62)));
        assertEquals(start + 1, delivery().deliveredSeq());
    }

    @Test
    void a_failed_receiver_waits_out_its_backoff_and_shows_why() throws Exception {
        DeliveryClaim claim = cursors.claim(receiver, TOMORROW).orElseThrow();

        cursors.failed(claim, "ConnectException: Connection refused", TOMORROW);

        assertTrue(cursors.claim(receiver, TOMORROW.plusMillis(500)).isEmpty(), "waiting 1 s");
        AuditDelivery failing = delivery();
        assertEquals(1, failing.attempts());
        assertEquals(TOMORROW.plusSeconds(1), failing.nextAttemptAt());
        assertEquals("ConnectException: Connection refused", failing.lastError());
        DeliveryClaim again = cursors.claim(receiver, TOMORROW.plusSeconds(1)).orElseThrow();
        cursors.failed(again, "HTTP 503", TOMORROW.plusSeconds(1));
        assertEquals(TOMORROW.plusSeconds(3), delivery().nextAttemptAt(), "then 2 s");
        assertEquals(TOMORROW, delivery().failingSince());
    }

    private AuditDelivery delivery() {
        em.clear();
        return em.find(AuditDelivery.class, receiver);
    }
}
