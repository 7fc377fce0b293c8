package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.export.control.ExportFolder;
import org.exportaudit.export.entity.ExportFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four eyes over HTTP: an approval policy holds exports of contacts (from 1 record: every one) until
 * a super admin other than the requester approves or denies them, or the requester withdraws them,
 * or nobody answers in time. A decided export stays decided. The test runs inside the server to
 * read the audit trail and to age a request; every decision goes through the REST API.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class ApprovalIT {

    /** Contacts in Austria: a few thousand, quickly written. */
    private static final String CONTACTS = "{\"source\": \"contacts\", \"format\": \"csv\", \"filters\": {\"country\": \"Austria\"}}";

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Inject
    ExportFolder files;

    private Api alice;
    private Api sam;
    private Api bob;
    private Policies policies;
    private String approval;
    private final List<Long> held = new ArrayList<>();

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(ApprovalIT.class, Api.class, DemoRealm.class, Policies.class);
    }

    @BeforeEach
    void everyContactsExportNeedsApproval() throws Exception {
        alice = Api.as("alice");
        sam = Api.as("sam");
        bob = Api.as("bob");
        policies = new Policies(alice);
        approval = policies.description(policies.add("{\"source\": \"contacts\", \"action\": \"approve\", \"limit\": 1,"
                + " \"message\": \"Contacts leave the CRM with a second pair of eyes only.\"}"));
    }

    /** Withdraws what this test left waiting, then removes the policy: the next test starts from none. */
    @AfterEach
    void withdrawAndRemove() throws Exception {
        for (long id : held) {
            for (String user : List.of("bob", "alice")) {
                Api.as(user).post("exports/" + id + "/withdraw", "");
            }
        }
        policies.removeAll();
    }

    @Test
    void an_export_waits_without_writing_and_runs_to_completion_once_another_super_admin_approves() throws Exception {
        HttpResponse<String> accepted = bob.post("exports", CONTACTS);

        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject waiting = Api.json(accepted);
        long id = waiting.getJsonNumber("id").longValue();
        held.add(id);
        assertEquals("AWAITING_APPROVAL", waiting.getString("status"));
        assertEquals(approval, waiting.getString("policy"));
        assertTrue(waiting.getJsonNumber("records").longValue() > 0, "counted before it waits: " + waiting);
        assertNothingWritten(id);

        HttpResponse<String> approved = sam.post("exports/" + id + "/approve", "");

        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("PROCESSING", Api.json(approved).getString("status"));
        assertEquals("sam", Api.json(approved).getString("decidedBy"));
        JsonObject ended = bob.awaitEnd(id);
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        assertEquals(waiting.getJsonNumber("records"), ended.getJsonNumber("records"));
        assertTrue(ended.getBoolean("downloadable"));
        assertEquals("sam", ended.getString("decidedBy"));
        assertEquals(approval, ended.getString("policy"));
        assertEquals(200, bob.download(id).statusCode());
        List<AuditRecord> audited = records(id);
        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_AWAITING_APPROVAL, AuditKind.EXPORT_APPROVED,
                AuditKind.EXPORT_COMPLETED, AuditKind.FILE_DOWNLOADED), kinds(audited));
        assertEquals("sam", audited.get(2).actor());
    }

    @Test
    void a_denied_export_tells_its_requester_why_and_never_runs() throws Exception {
        long id = held(bob);

        HttpResponse<String> denied = sam.post("exports/" + id + "/deny", "{\"reason\": \"Not before the audit in May.\"}");

        assertEquals(200, denied.statusCode(), denied.body());
        JsonObject seen = Api.json(bob.get("exports/" + id));
        assertEquals("DENIED", seen.getString("status"));
        assertEquals("Not before the audit in May.", seen.getString("reason"));
        assertEquals("sam", seen.getString("decidedBy"));
        assertFalse(seen.getBoolean("downloadable"));
        assertNothingWritten(id);
        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_AWAITING_APPROVAL, AuditKind.EXPORT_DENIED),
                kinds(records(id)));
        assertTrue(records(id).get(2).detail().contains("Not before the audit in May."));
    }

    @Test
    void a_denial_without_a_reason_is_400_and_changes_nothing() throws Exception {
        long id = held(bob);
        JsonObject before = Api.json(bob.get("exports/" + id));

        for (String body : List.of("{}", "{\"reason\": \"   \"}", "{\"reason\": \"" + "x".repeat(501) + "\"}")) {
            HttpResponse<String> refused = sam.post("exports/" + id + "/deny", body);

            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertEquals("invalid-reason", Api.json(refused).getString("error"));
        }
        assertEquals(before, Api.json(bob.get("exports/" + id)));
        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_AWAITING_APPROVAL), kinds(records(id)));
    }

    @Test
    void a_reason_no_database_stores_is_400_and_changes_nothing() throws Exception {
        long id = held(bob);
        JsonObject before = Api.json(bob.get("exports/" + id));

        HttpResponse<String> refused = sam.post("exports/" + id + "/deny", "{\"reason\": \"Not now\\u0000.\"}");

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid-reason", Api.json(refused).getString("error"));
        assertEquals(before, Api.json(bob.get("exports/" + id)));
        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_AWAITING_APPROVAL), kinds(records(id)));
    }

    @Test
    void the_requester_withdraws_their_request() throws Exception {
        long id = held(bob);

        HttpResponse<String> withdrawn = bob.post("exports/" + id + "/withdraw", "");

        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        JsonObject seen = Api.json(sam.get("exports/" + id));
        assertEquals("WITHDRAWN", seen.getString("status"));
        assertEquals("bob", seen.getString("decidedBy"));
        assertNothingWritten(id);
        assertEquals(AuditKind.EXPORT_WITHDRAWN, kinds(records(id)).get(2));
    }

    @Test
    void a_decided_blocked_or_finished_export_cannot_be_decided_again() throws Exception {
        long approved = held(bob);
        assertEquals(200, sam.post("exports/" + approved + "/approve", "").statusCode());
        bob.awaitEnd(approved);
        long withdrawn = held(bob);
        assertEquals(200, bob.post("exports/" + withdrawn + "/withdraw", "").statusCode());
        long denied = held(bob);
        assertEquals(200, sam.post("exports/" + denied + "/deny", "{\"reason\": \"No.\"}").statusCode());
        policies.add("{\"source\": \"deals\", \"action\": \"block\", \"limit\": 1, \"appliesTo\": \"export\"}");
        HttpResponse<String> refused = bob.post("exports", "{\"source\": \"deals\", \"format\": \"csv\"}");
        assertEquals(403, refused.statusCode(), refused.body());
        long blocked = Api.json(refused).getJsonNumber("exportId").longValue();
        long completed = bob.start("companies", "csv");
        bob.awaitEnd(completed);

        List<String> wrong = new ArrayList<>();
        for (long id : List.of(approved, withdrawn, denied, blocked, completed)) {
            JsonObject before = Api.json(alice.get("exports/" + id));
            List<AuditKind> auditedBefore = kinds(records(id));
            List<HttpResponse<String>> answers = List.of(alice.post("exports/" + id + "/approve", ""),
                    sam.post("exports/" + id + "/approve", ""),
                    alice.post("exports/" + id + "/deny", "{\"reason\": \"Too late.\"}"),
                    bob.post("exports/" + id + "/withdraw", ""));
            for (HttpResponse<String> answer : answers) {
                if (answer.statusCode() != 409 || !"not-awaiting-approval".equals(Api.json(answer).getString("error"))) {
                    wrong.add(before.getString("status") + " export " + id + ": " + answer.request().uri().getPath()
                            + " → " + answer.statusCode() + " " + answer.body());
                }
            }
            if (!before.equals(Api.json(alice.get("exports/" + id))) || !auditedBefore.equals(kinds(records(id)))) {
                wrong.add(before.getString("status") + " export " + id + " changed: " + alice.get("exports/" + id).body());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("BLOCKED", Api.json(bob.get("exports/" + blocked)).getString("status"));
    }

    @Test
    void nobody_decides_on_their_own_export_and_exporters_decide_on_none() throws Exception {
        long alices = held(alice);
        long bobs = held(bob);

        for (HttpResponse<String> own : List.of(alice.post("exports/" + alices + "/approve", ""),
                alice.post("exports/" + alices + "/deny", "{\"reason\": \"Mine.\"}"))) {
            assertEquals(403, own.statusCode(), own.body());
            assertEquals("own-export", Api.json(own).getString("error"));
        }
        Api erin = Api.as("erin");
        for (Api exporter : List.of(bob, erin)) {
            assertEquals(403, exporter.post("exports/" + bobs + "/approve", "").statusCode());
            assertEquals(403, exporter.post("exports/" + bobs + "/deny", "{\"reason\": \"Mine.\"}").statusCode());
        }
        assertEquals(404, erin.post("exports/" + bobs + "/withdraw", "").statusCode(), "erin does not see bob's export");

        for (long id : List.of(alices, bobs)) {
            JsonObject unchanged = Api.json(alice.get("exports/" + id));
            assertEquals("AWAITING_APPROVAL", unchanged.getString("status"));
            assertNull(unchanged.get("decidedBy"), unchanged.toString());
            assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_AWAITING_APPROVAL), kinds(records(id)));
        }
        assertEquals(200, sam.post("exports/" + alices + "/approve", "").statusCode(), "another super admin may");
        assertEquals("COMPLETED", alice.awaitEnd(alices).getString("status"));
    }

    @Test
    void of_ten_approvals_at_once_exactly_one_succeeds_and_the_export_runs_once() throws Exception {
        long id = held(bob);
        List<Api> approvers = List.of(alice, sam);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Api approver = approvers.get(i % 2);
                Callable<HttpResponse<String>> approve = () -> {
                    start.await();
                    return approver.post("exports/" + id + "/approve", "");
                };
                answers.add(pool.submit(approve));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }

            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
            assertEquals(9, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("COMPLETED", bob.awaitEnd(id).getString("status"));
        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_AWAITING_APPROVAL, AuditKind.EXPORT_APPROVED,
                AuditKind.EXPORT_COMPLETED), kinds(records(id)), "one approval, one run");
    }

    @Test
    void an_unanswered_request_expires_on_the_timer_and_cannot_be_approved_after() throws Exception {
        long id = held(bob);
        age(id);

        // The timer ticks every ten seconds: within 25 s it has run at least once since the request was aged.
        JsonObject expired = Poll.until(Duration.ofSeconds(25), Duration.ofMillis(500), () -> {
            JsonObject export = Api.json(bob.get("exports/" + id));
            return Optional.of(export).filter(seen -> "EXPIRED".equals(seen.getString("status")));
        }, () -> "export " + id + " did not expire");

        assertFalse(expired.getString("reason", "").isBlank(), expired.toString());
        HttpResponse<String> tooLate = Api.as("sam").post("exports/" + id + "/approve", "");
        assertEquals(409, tooLate.statusCode(), tooLate.body());
        assertEquals(409, Api.as("bob").post("exports/" + id + "/withdraw", "").statusCode());
        assertEquals("EXPIRED", Api.json(bob.get("exports/" + id)).getString("status"));
        List<AuditRecord> audited = records(id);
        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_AWAITING_APPROVAL, AuditKind.EXPORT_EXPIRED),
                kinds(audited));
        assertEquals(AuditRecord.SYSTEM, audited.get(2).actor());
    }

    @Test
    void a_decision_after_the_deadline_but_before_the_timer_ran_is_refused_and_expires_the_export_at_once() throws Exception {
        long approved = held(bob);
        long denied = held(bob);
        long withdrawn = held(bob);
        long ownApproved = held(alice);
        List<Long> late = List.of(approved, denied, withdrawn, ownApproved);
        for (long id : late) {
            age(id);
        }

        // The timer ticks once a minute: these arrive well before it has run since the requests were aged.
        List<HttpResponse<String>> answers = List.of(sam.post("exports/" + approved + "/approve", ""),
                sam.post("exports/" + denied + "/deny", "{\"reason\": \"Too late.\"}"),
                bob.post("exports/" + withdrawn + "/withdraw", ""),
                alice.post("exports/" + ownApproved + "/approve", ""));

        for (int i = 0; i < late.size(); i++) {
            long id = late.get(i);
            HttpResponse<String> answer = answers.get(i);
            assertEquals(409, answer.statusCode(), answer.body());
            assertEquals("not-awaiting-approval", Api.json(answer).getString("error"));
            assertTrue(Api.json(answer).getString("message").contains("EXPIRED"), answer.body());
            JsonObject seen = Api.json(alice.get("exports/" + id));
            assertEquals("EXPIRED", seen.getString("status"), seen.toString());
            assertNull(seen.get("decidedBy"), seen.toString());
            assertNothingWritten(id);
            List<AuditRecord> audited = records(id);
            assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_AWAITING_APPROVAL, AuditKind.EXPORT_EXPIRED),
                    kinds(audited), "export " + id);
            assertEquals(AuditRecord.SYSTEM, audited.get(2).actor(), "expired as the timer expires it");
        }
    }

    @Test
    void a_file_that_never_was_is_a_conflict_with_the_export_s_own_reason_not_gone() throws Exception {
        long awaiting = held(bob);
        long denied = held(bob);
        assertEquals(200, sam.post("exports/" + denied + "/deny", "{\"reason\": \"No.\"}").statusCode());
        long withdrawn = held(bob);
        assertEquals(200, bob.post("exports/" + withdrawn + "/withdraw", "").statusCode());
        long expired = held(bob);
        age(expired);
        assertEquals(409, bob.post("exports/" + expired + "/withdraw", "").statusCode());
        policies.add("{\"source\": \"deals\", \"action\": \"block\", \"limit\": 1, \"appliesTo\": \"export\"}");
        HttpResponse<String> refused = bob.post("exports", "{\"source\": \"deals\", \"format\": \"csv\"}");
        assertEquals(403, refused.statusCode(), refused.body());
        long blocked = Api.json(refused).getJsonNumber("exportId").longValue();

        Map<Long, String> reasons = Map.of(awaiting, "approval", denied, "denied", withdrawn, "withdrew",
                expired, "in time", blocked, "blocked");
        for (Map.Entry<Long, String> export : reasons.entrySet()) {
            for (Api caller : List.of(bob, alice)) {
                HttpResponse<byte[]> download = caller.download(export.getKey());
                JsonObject error = DemoRealm.json(new String(download.body(), StandardCharsets.UTF_8));

                assertEquals(409, download.statusCode(), "export " + export.getKey() + ": " + error);
                assertEquals("no-file", error.getString("error"));
                assertTrue(error.getString("message").contains(export.getValue()), error.toString());
                assertFalse(error.getString("message").contains("time is over"), error.toString());
            }
            assertFalse(Api.json(bob.get("exports/" + export.getKey())).getBoolean("downloadable"));
        }
    }

    /** Its deadline passed a second ago; the expiry timer has not run since. */
    private void age(long id) throws Exception {
        transaction.begin();
        em.createQuery("update Export e set e.approval.awaitingUntil = :past where e.id = :id")
                .setParameter("past", Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS))
                .setParameter("id", id)
                .executeUpdate();
        transaction.commit();
    }

    /** An export of contacts by {@code requester}, waiting for approval. */
    private long held(Api requester) throws Exception {
        HttpResponse<String> accepted = requester.post("exports", CONTACTS);
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject waiting = Api.json(accepted);
        assertEquals("AWAITING_APPROVAL", waiting.getString("status"), waiting.toString());
        long id = waiting.getJsonNumber("id").longValue();
        held.add(id);
        return id;
    }

    /** No byte written, no file, no partial file, nothing to download. */
    private void assertNothingWritten(long id) throws Exception {
        JsonObject export = Api.json(alice.get("exports/" + id));
        assertEquals(0, export.getJsonObject("progress").getJsonNumber("written").longValue(), export.toString());
        assertFalse(Files.exists(files.completed(id, ExportFormat.CSV)));
        assertFalse(Files.exists(files.partial(id)));
        HttpResponse<byte[]> download = alice.download(id);
        assertEquals(409, download.statusCode(), "nothing to download");
        assertEquals("no-file", DemoRealm.json(new String(download.body(), StandardCharsets.UTF_8)).getString("error"));
    }

    private List<AuditRecord> records(long exportId) {
        em.clear();
        Trail.caughtUp();
        return em.createQuery("select a from AuditRecord a where a.exportId = :id order by a.id", AuditRecord.class)
                .setParameter("id", exportId).getResultList();
    }

    private static List<AuditKind> kinds(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::kind).toList();
    }
}
