package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import org.exportaudit.notification.control.MailClaim;
import org.exportaudit.notification.control.OutboxClaims;
import org.exportaudit.notification.entity.MailStatus;
import org.exportaudit.notification.entity.NoticeMail;
import org.exportaudit.notification.entity.OutgoingMail;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the outbox's claims, which keep two senders (two timer runs, two servers)
 * from sending one mail twice, and its bounded attempts. The mails that the claim tests race for
 * are due a day from now, and claimed "then": the real outbox never touches them.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    private static final Instant TOMORROW = Instant.now().plus(Duration.ofDays(1));

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Inject
    OutboxClaims claims;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService senders;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(OutboxIT.class, Api.class, DemoRealm.class, NoticeMails.class);
    }

    @Test
    void of_two_senders_claiming_the_same_mail_at_the_same_moment_exactly_one_gets_it() throws Exception {
        List<Long> mails = testMails(20);
        try {
            for (long mail : mails) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Optional<MailClaim>>> attempts = new ArrayList<>();
                for (int sender = 0; sender < 2; sender++) {
                    attempts.add(senders.submit(() -> {
                        together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        return claims.claim(mail, TOMORROW.plusSeconds(1));
                    }));
                }
                long winners = 0;
                for (Future<Optional<MailClaim>> attempt : attempts) {
                    winners += attempt.get().isPresent() ? 1 : 0;
                }
                assertEquals(1, winners, "mail " + mail + " claimed once");
            }
        } finally {
            delete(mails);
        }
    }

    @Test
    void a_claim_left_by_a_crashed_sender_is_taken_over_after_the_claim_timeout_and_its_outcome_ignored()
            throws Exception {
        List<Long> mails = testMails(1);
        long mail = mails.get(0);
        try {
            Instant claimedAt = TOMORROW.plusSeconds(1);
            MailClaim crashed = claims.claim(mail, claimedAt).orElseThrow();

            assertTrue(claims.claim(mail, claimedAt.plus(Duration.ofMinutes(1))).isEmpty(), "still being sent");
            MailClaim takenOver = claims.claim(mail, claimedAt.plus(Duration.ofMinutes(6))).orElseThrow();
            claims.sent(crashed, claimedAt.plus(Duration.ofMinutes(7)));

            assertEquals(MailStatus.SENDING, mail(mail).status(), "the old claim no longer decides");
            assertEquals(crashed.messageId(), takenOver.messageId(), "sent again under the same Message-ID");
            claims.sent(takenOver, claimedAt.plus(Duration.ofMinutes(7)));
            assertEquals(MailStatus.SENT, mail(mail).status());
            assertTrue(claims.claim(mail, claimedAt.plus(Duration.ofDays(1))).isEmpty(), "a sent mail is done");
        } finally {
            delete(mails);
        }
    }

    /**
     * No SMTP server listens (the SMTP tests stop theirs); three attempts, 200 ms apart then 400 ms,
     * for this test only.
     */
    @Test
    void with_the_smtp_server_down_a_mail_fails_after_its_attempts_and_the_admin_sees_it() throws Exception {
        System.setProperty("export-audit.mail.attempts", "3");
        System.setProperty("export-audit.mail.first-retry", "PT0.2S");
        try {
            Api alice = Api.as("alice");
            assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
            long id = Api.as("bob").start("companies", "CSV");

            JsonObject mail = NoticeMails.await(alice, id, "FAILED", 0, Duration.ofSeconds(30));

            assertEquals(3, mail.getInt("attempts"), mail.toString());
            OutgoingMail failed = em.createQuery("select m from OutgoingMail m, Notice n where m.noticeId = n.id"
                    + " and n.exportId = :export", OutgoingMail.class).setParameter("export", id).getSingleResult();
            assertEquals(3, failed.attempts());
            assertTrue(failed.lastError() != null && !failed.lastError().isBlank(), "why, for the operator");
            assertFalse(claims.due(Instant.now().plus(Duration.ofDays(365)), 10_000).contains(failed.id()),
                    "no run ever tries it again");
        } finally {
            System.clearProperty("export-audit.mail.attempts");
            System.clearProperty("export-audit.mail.first-retry");
        }
    }

    /** Mails of a notice of a real export, due tomorrow, to an address nobody reads. */
    private List<Long> testMails(int count) throws Exception {
        Api alice = Api.as("alice");
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
        long exportId = Api.as("bob").start("companies", "CSV");
        Api.as("bob").awaitEnd(exportId);
        long notice = em.createQuery("select n.id from Notice n where n.exportId = :export", Long.class)
                .setParameter("export", exportId).getResultList().get(0);
        List<Long> ids = new ArrayList<>();
        transaction.begin();
        for (int i = 0; i < count; i++) {
            OutgoingMail mail = new OutgoingMail(notice, "claims@example.invalid",
                    new NoticeMail("claim test", "claim test", "<p>claim test</p>"), TOMORROW);
            em.persist(mail);
            em.flush();
            ids.add(mail.id());
        }
        transaction.commit();
        return ids;
    }

    private OutgoingMail mail(long id) {
        em.clear();
        return em.find(OutgoingMail.class, id);
    }

    private void delete(List<Long> mails) throws Exception {
        transaction.begin();
        em.createQuery("delete from OutgoingMail m where m.id in :ids").setParameter("ids", mails).executeUpdate();
        transaction.commit();
    }
}
