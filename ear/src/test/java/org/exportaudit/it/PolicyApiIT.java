package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The export policies' REST endpoints as a super admin's script uses them: created, listed, changed
 * and removed, each change audited; bad input refused with a 400 that says why, and nothing stored.
 * The calls go over HTTP with real tokens; the test runs inside the server to read the audit trail,
 * which has no endpoint yet.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class PolicyApiIT {

    private static final String DEALS_NOTICE = "{\"source\": \"deals\", \"appliesTo\": \"export\", \"action\": \"notify\","
            + " \"limit\": 9000000, \"window\": \"PT24H\", \"message\": \"Large deal exports are reviewed.\"}";

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    private Api alice;
    private Policies policies;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(PolicyApiIT.class, Api.class, DemoRealm.class, Policies.class);
    }

    @BeforeEach
    void superAdmin() throws Exception {
        alice = Api.as("alice");
        policies = new Policies(alice);
    }

    @AfterEach
    void removePolicies() throws Exception {
        policies.removeAll();
    }

    @Test
    void a_super_admin_creates_lists_changes_and_removes_a_policy_and_each_step_is_audited() throws Exception {
        HttpResponse<String> created = alice.post("policies", DEALS_NOTICE);

        assertEquals(201, created.statusCode(), created.body());
        JsonObject policy = Api.json(created);
        long id = policy.getJsonNumber("id").longValue();
        policies.remember(id);
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/policies/" + id));
        assertEquals("deals", policy.getString("source"));
        assertEquals("export", policy.getString("appliesTo"));
        assertEquals("notify", policy.getString("action"));
        assertEquals(9_000_000, policy.getJsonNumber("limit").longValue());
        assertEquals("PT24H", policy.getString("window"));
        assertEquals("records", policy.getString("measure"));
        assertEquals("Large deal exports are reviewed.", policy.getString("message"));
        assertEquals("alice", policy.getString("createdBy"));
        assertEquals("#" + id + " Notice from 9,000,000 records of deals per user in 24 hours (exporters)",
                policy.getString("description"));
        assertEquals(policy, listed(id));

        HttpResponse<String> changed = Api.as("sam").put("policies/" + id, DEALS_NOTICE.replace("9000000", "8000000")
                .replace("\"notify\"", "\"approve\"").replace("PT24H", "P7D"));

        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject after = listed(id);
        assertEquals(after, Api.json(changed));
        assertEquals("approve", after.getString("action"));
        assertEquals(8_000_000, after.getJsonNumber("limit").longValue());
        assertEquals("P7D", after.getString("window"), "several whole days as days, as the admin wrote them");
        assertEquals("alice", after.getString("createdBy"), "the creator stays");
        assertEquals(policy.getString("createdAt"), after.getString("createdAt"));

        HttpResponse<String> removed = alice.delete("policies/" + id);

        assertEquals(204, removed.statusCode(), removed.body());
        assertFalse(ids().contains(id));
        List<AuditRecord> audited = audited(id);
        assertEquals(List.of(AuditKind.POLICY_CREATED, AuditKind.POLICY_CHANGED, AuditKind.POLICY_REMOVED),
                audited.stream().map(AuditRecord::kind).toList());
        assertEquals(List.of("alice", "sam", "alice"), audited.stream().map(AuditRecord::actor).toList());
        JsonObject change = DemoRealm.json(audited.get(1).detail());
        assertEquals(policy.getString("description"), change.getString("before"));
        assertEquals(after.getString("description"), change.getString("after"));
        assertEquals(JsonValue.NULL, DemoRealm.json(audited.get(2).detail()).get("after"));
        JsonObject fields = change.getJsonObject("changes");
        assertEquals(Set.of("action", "limit", "window"), fields.keySet(), change.toString());
        assertEquals("notify", fields.getJsonObject("action").getString("before"));
        assertEquals("approve", fields.getJsonObject("action").getString("after"));
    }

    @Test
    void a_change_of_the_message_alone_is_audited_with_the_message_before_and_after() throws Exception {
        long id = policies.add(DEALS_NOTICE);

        HttpResponse<String> changed = alice.put("policies/" + id,
                DEALS_NOTICE.replace("Large deal exports are reviewed.", "Ask the sales director first."));

        assertEquals(200, changed.statusCode(), changed.body());
        List<AuditRecord> audited = audited(id);
        assertEquals(List.of(AuditKind.POLICY_CREATED, AuditKind.POLICY_CHANGED),
                audited.stream().map(AuditRecord::kind).toList());
        JsonObject fields = DemoRealm.json(audited.get(1).detail()).getJsonObject("changes");
        assertEquals(Set.of("message"), fields.keySet(), audited.get(1).detail());
        assertEquals("Large deal exports are reviewed.", fields.getJsonObject("message").getString("before"));
        assertEquals("Ask the sales director first.", fields.getJsonObject("message").getString("after"));
    }

    @Test
    void bad_input_is_refused_with_a_400_that_says_why_and_nothing_is_stored() throws Exception {
        long existing = policies.add(DEALS_NOTICE);
        String valid = "{\"source\": \"contacts\", \"action\": \"block\", \"limit\": 500000, \"window\": \"PT24H\"}";
        List<String[]> refusals = List.of(
                new String[] {valid.replace("500000", "0"), "invalid-limit"},
                new String[] {valid.replace("500000", "10000001"), "invalid-limit"},
                new String[] {valid.replace("500000", "-5"), "invalid-limit"},
                new String[] {valid.replace("500000", "1.5"), "invalid-limit"},
                new String[] {valid.replace("500000", "\"abc\""), "invalid-limit"},
                new String[] {valid.replace("500000", "99999999999999999999999"), "invalid-limit"},
                new String[] {valid.replace(", \"limit\": 500000", ""), "invalid-limit"},
                new String[] {valid.replace("PT24H", "PT30S"), "invalid-window"},
                new String[] {valid.replace("PT24H", "P32D"), "invalid-window"},
                new String[] {valid.replace("PT24H", "24h"), "invalid-window"},
                new String[] {valid.replace("contacts", "salaries"), "unknown-source"},
                new String[] {valid.replace("\"action\": \"block\", ", ""), "invalid-action"},
                new String[] {valid.replace("block", "allow"), "invalid-action"},
                new String[] {valid.replace("{", "{\"appliesTo\": \"admin\", "), "invalid-role"},
                new String[] {valid.replace("{", "{\"message\": \"" + "x".repeat(501) + "\", "), "invalid-message"},
                new String[] {"{\"action\": \"block\", \"limit\": 3, \"measure\": \"exports\"}", "invalid-measure"},
                new String[] {valid.replace("{", "{\"measure\": \"bytes\", "), "invalid-measure"},
                new String[] {DEALS_NOTICE.replace("9000000", "1000"), "duplicate-policy"},
                new String[] {"[1, 2]", "malformed-request"},
                new String[] {"not json", "malformed-request"});
        List<JsonObject> before = all();
        long auditedBefore = policyAuditRecords();

        List<String> wrong = new ArrayList<>();
        for (String[] refusal : refusals) {
            List<HttpResponse<String>> answers = new ArrayList<>(List.of(alice.post("policies", refusal[0])));
            if (!"duplicate-policy".equals(refusal[1])) { // the existing policy's own rule with another limit is a change
                answers.add(alice.put("policies/" + existing, refusal[0]));
            }
            for (HttpResponse<String> refused : answers) {
                JsonObject error = errorOf(refused);
                if (refused.statusCode() != 400 || !refusal[1].equals(error.getString("error", ""))
                        || error.getString("message", "").isBlank()) {
                    wrong.add(refused.request().method() + " " + refusal[0] + " → " + refused.statusCode() + " "
                            + refused.body());
                }
            }
        }

        assertEquals(List.of(), wrong);
        assertEquals(before, all(), "nothing stored, nothing changed");
        assertEquals(auditedBefore, policyAuditRecords(), "a refused change is not audited");
    }

    @Test
    void a_message_no_database_stores_is_refused_and_nothing_is_stored() throws Exception {
        long existing = policies.add(DEALS_NOTICE);
        String withNul = "{\"source\": \"contacts\", \"action\": \"block\", \"limit\": 500000, \"window\": \"PT24H\","
                + " \"message\": \"Ask\\u0000 Alice\"}";
        List<JsonObject> before = all();
        long auditedBefore = policyAuditRecords();

        for (HttpResponse<String> refused : List.of(alice.post("policies", withNul), alice.put("policies/" + existing, withNul))) {
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("invalid-message", Api.json(refused).getString("error"), refused.body());
        }
        assertEquals(before, all(), "nothing stored, nothing changed");
        assertEquals(auditedBefore, policyAuditRecords(), "a refused change is not audited");
    }

    @Test
    void a_policy_cannot_be_changed_into_the_rule_of_another() throws Exception {
        long notice = policies.add(DEALS_NOTICE);
        long other = policies.add(DEALS_NOTICE.replace("PT24H", "PT1H"));
        List<JsonObject> before = all();

        HttpResponse<String> refused = alice.put("policies/" + other, DEALS_NOTICE.replace("9000000", "5"));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("duplicate-policy", Api.json(refused).getString("error"));
        assertEquals(before, all());
        assertEquals(200, alice.put("policies/" + notice, DEALS_NOTICE.replace("9000000", "5")).statusCode(),
                "its own rule with another limit is a change, not a duplicate");
    }

    @Test
    void changing_or_removing_an_unknown_policy_is_404() throws Exception {
        long gone = policies.add(DEALS_NOTICE);
        assertEquals(204, alice.delete("policies/" + gone).statusCode());
        List<JsonObject> before = all();

        for (String path : List.of("policies/" + gone, "policies/999999999")) {
            HttpResponse<String> changed = alice.put(path, DEALS_NOTICE);
            HttpResponse<String> removed = alice.delete(path);

            assertEquals(404, changed.statusCode(), changed.body());
            assertEquals("not-found", Api.json(changed).getString("error"));
            assertEquals(404, removed.statusCode(), removed.body());
        }
        assertEquals(before, all());
    }

    /** The API's error body, or an empty object where the answer is not the JSON the contract promises. */
    private static JsonObject errorOf(HttpResponse<String> refused) {
        try {
            return Api.json(refused);
        } catch (RuntimeException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private List<JsonObject> all() throws Exception {
        HttpResponse<String> listed = alice.get("policies");
        assertEquals(200, listed.statusCode(), listed.body());
        return DemoRealm.jsonArray(listed.body()).getValuesAs(JsonObject.class);
    }

    private List<Long> ids() throws Exception {
        return all().stream().map(policy -> policy.getJsonNumber("id").longValue()).toList();
    }

    private JsonObject listed(long id) throws Exception {
        return all().stream().filter(policy -> policy.getJsonNumber("id").longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("policy " + id + " not listed"));
    }

    /** The audit records of one policy, oldest first: their detail names it ({@code policyId}). */
    private List<AuditRecord> audited(long policyId) {
        em.clear();
        Trail.caughtUp();
        return em.createQuery("select a from AuditRecord a where a.kind in :kinds order by a.id", AuditRecord.class)
                .setParameter("kinds", List.of(AuditKind.POLICY_CREATED, AuditKind.POLICY_CHANGED,
                        AuditKind.POLICY_REMOVED))
                .getResultStream()
                .filter(record -> DemoRealm.json(record.detail()).getJsonNumber("policyId").longValue() == policyId)
                .toList();
    }

    private long policyAuditRecords() {
        em.clear();
        Trail.caughtUp();
        return em.createQuery("select count(a) from AuditRecord a where a.kind in :kinds", Long.class)
                .setParameter("kinds", List.of(AuditKind.POLICY_CREATED, AuditKind.POLICY_CHANGED,
                        AuditKind.POLICY_REMOVED))
                .getSingleResult();
    }
}
