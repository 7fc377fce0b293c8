package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Step-up and block policies through the REST API, called from inside the server (to read the
 * audit trail and to move the application's clock), with the demo realm's real tokens. The test
 * server asks for a password sign-in within {@link #MAX_AGE} (export-audit.step-up.max-age,
 * arquillian.xml). Keycloak records when the password was entered (auth_time) for a sign-in on its
 * login form, not for the password grant.
 */
@ExtendWith(ArquillianExtension.class)
class StepUpIT {

    static final Duration MAX_AGE = Duration.ofSeconds(20);

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Inject
    MovableClock clock;

    private final Policies policies = new Policies();

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(StepUpIT.class, Api.class, DemoRealm.class, Policies.class);
    }

    @AfterEach
    void removePolicies() throws Exception {
        policies.removeAll();
    }

    @Test
    void a_token_from_an_old_sign_in_gets_401_step_up_required_and_a_fresh_password_sign_in_exports() throws Exception {
        JsonObject signIn = DemoRealm.browserSignIn("bob");
        Instant signedInAt = Instant.ofEpochSecond(
                DemoRealm.claims(signIn.getString("access_token")).getJsonNumber("auth_time").longValue());
        JsonObject policy = policies.create("{\"action\": \"step-up\", \"limit\": 1, \"source\": \"contacts\"}");
        long policyId = policy.getJsonNumber("id").longValue();
        // A refreshed token is new, but the sign-in it carries is the old one.
        String refreshed = DemoRealm.refreshed(signIn).getString("access_token");
        assertEquals(signedInAt.getEpochSecond(), DemoRealm.claims(refreshed).getJsonNumber("auth_time").longValue(),
                "a refresh keeps the sign-in's auth_time");
        long exportsBefore = exportsOf("bob");
        long asked = lastChained();

        // The condition is the sign-in's age, which only the application's clock makes: it moves past
        // the allowed age for this one request, and back, since Keycloak's sign-ins below keep the real time.
        HttpResponse<String> refused;
        clock.moveForward(MAX_AGE.plusSeconds(1));
        try {
            refused = Api.bearing(refreshed).post("exports", "{\"source\": \"contacts\", \"format\": \"CSV\"}");
        } finally {
            clock.backToRealTime();
        }

        assertEquals(401, refused.statusCode(), refused.body());
        JsonObject error = Api.json(refused);
        assertEquals("step-up-required", error.getString("error"));
        assertEquals(MAX_AGE.toSeconds(), error.getJsonNumber("maxAge").longValue());
        assertEquals(policyId, error.getJsonNumber("policyId").longValue());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("error=\"insufficient_user_authentication\"")
                && challenge.contains("max_age=" + MAX_AGE.toSeconds()), challenge);
        assertEquals(exportsBefore, exportsOf("bob"), "nothing is created");
        List<AuditRecord> audited = audited(AuditKind.STEP_UP_REQUIRED, "bob", asked);
        assertEquals(1, audited.size(), "the refusal is audited");
        assertTrue(audited.get(0).detail().contains("\"policyId\":" + policyId), audited.get(0).detail());
        assertTrue(audited.get(0).detail().contains("\"signedInAt\":\"" + signedInAt + "\""), audited.get(0).detail());

        Api fresh = Api.bearing(DemoRealm.browserSignIn("bob").getString("access_token")); // the password just now
        HttpResponse<String> accepted = fresh.post("exports", "{\"source\": \"contacts\", \"format\": \"CSV\"}");

        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject completed = fresh.awaitEnd(Api.json(accepted).getJsonNumber("id").longValue());
        assertEquals("COMPLETED", completed.getString("status"), completed.toString());
        assertEquals(policy.getString("description"), completed.getString("policy"), "the step-up policy decided");
    }

    @Test
    void a_password_grant_token_carries_no_sign_in_time_and_never_passes_a_step_up() throws Exception {
        JsonObject policy = policies.create("{\"action\": \"step-up\", \"limit\": 1, \"source\": \"contacts\"}");
        String token = DemoRealm.accessToken("bob"); // the password entered just now, but Keycloak does not say so
        assertTrue(!DemoRealm.claims(token).containsKey("auth_time"), DemoRealm.claims(token).toString());
        long exportsBefore = exportsOf("bob");
        long asked = lastChained();

        HttpResponse<String> refused = Api.bearing(token).post("exports", "{\"source\": \"contacts\", \"format\": \"XLSX\"}");

        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("step-up-required", Api.json(refused).getString("error"));
        assertEquals(exportsBefore, exportsOf("bob"), "nothing is created");
        List<AuditRecord> audited = audited(AuditKind.STEP_UP_REQUIRED, "bob", asked);
        assertEquals(1, audited.size(), "the refusal is audited");
        assertTrue(audited.get(0).detail().contains("\"policyId\":" + policy.getJsonNumber("id"))
                && audited.get(0).detail().contains("\"signedInAt\":null"), audited.get(0).detail());
    }

    @Test
    void an_export_a_policy_blocks_is_refused_with_its_message_and_limit_and_stays_in_the_log_as_blocked()
            throws Exception {
        JsonObject policy = policies.create("{\"action\": \"block\", \"limit\": 1000, \"source\": \"companies\","
                + " \"message\": \"Companies leave only through the CRM's own reports.\"}");
        Api bob = Api.as("bob");

        HttpResponse<String> refused = bob.post("exports", "{\"source\": \"companies\", \"format\": \"XLSX\"}");

        assertEquals(403, refused.statusCode(), refused.body());
        JsonObject error = Api.json(refused);
        assertEquals("blocked-by-policy", error.getString("error"));
        assertEquals("Companies leave only through the CRM's own reports.", error.getString("message"));
        assertEquals(1000, error.getJsonNumber("limit").longValue());
        assertEquals(policy.getString("description"), error.getString("policy"));
        long id = error.getJsonNumber("exportId").longValue();
        JsonObject logged = Api.json(bob.get("exports?status=BLOCKED&source=companies")).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(export -> export.getJsonNumber("id").longValue() == id)
                .findFirst().orElseThrow(() -> new AssertionError("the blocked export is in the log"));
        assertEquals("BLOCKED", logged.getString("status"));
        assertEquals(policy.getString("description"), logged.getString("policy"));
        assertEquals("Companies leave only through the CRM's own reports.", logged.getString("reason"));
        assertTrue(logged.getJsonNumber("records").longValue() >= 1000, logged.toString());
        assertTrue(!logged.getBoolean("downloadable"), "no file");
        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_BLOCKED), kindsOf(id).stream()
                .filter(kind -> kind == AuditKind.EXPORT_REQUESTED || kind == AuditKind.EXPORT_BLOCKED).toList());
    }

    private long exportsOf(String user) {
        em.clear();
        return em.createQuery("select count(e) from Export e where e.requestedBy = :user", Long.class)
                .setParameter("user", user).getSingleResult();
    }

    /**
     * The records of {@code kind} by {@code actor} chained after {@code since} ({@link #lastChained()}): by
     * their place in the chain, not their time, which a moved clock sets ahead of the next test's.
     */
    private List<AuditRecord> audited(AuditKind kind, String actor, long since) {
        em.clear();
        Trail.caughtUp();
        return em.createQuery("select a from AuditRecord a where a.kind = :kind and a.actor = :actor"
                        + " and a.seq > :since order by a.seq", AuditRecord.class)
                .setParameter("kind", kind).setParameter("actor", actor).setParameter("since", since).getResultList();
    }

    /** The place in the audit chain of its last record, once every committed record is in it (0 if none). */
    private long lastChained() {
        em.clear();
        Trail.caughtUp();
        Long last = em.createQuery("select max(a.seq) from AuditRecord a", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    private List<AuditKind> kindsOf(long exportId) {
        em.clear();
        Trail.caughtUp();
        return em.createQuery("select a from AuditRecord a where a.exportId = :id order by a.id", AuditRecord.class)
                .setParameter("id", exportId).getResultList().stream().map(AuditRecord::kind).toList();
    }
}
