package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Export policies as a host application meets them through the EJB API (HostApplication): an
 * export held for approval and a blocked one each come as the exception the API documents, and a
 * step-up policy refuses the host's users, whose sign-in time Export Audit cannot know. Four eyes holds
 * across the two identities: the host API takes no decisions, and a host principal's request is its
 * Keycloak namesake's own, whatever the case of its name.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostPoliciesIT {

    private final Policies policies = new Policies();

    @Deployment(name = "export-audit", order = 1, testable = false)
    static EnterpriseArchive exportAudit() {
        return ExportAuditEar.asBuilt();
    }

    @Deployment(name = "host-application", order = 2, testable = false)
    static WebArchive hostApplication() {
        return HostApplicationIT.hostApplication();
    }

    @AfterEach
    void removePolicies() throws Exception {
        policies.removeAll();
    }

    @Test
    void an_export_held_for_approval_is_thrown_as_export_awaiting_approval_and_waits_in_the_log() throws Exception {
        JsonObject policy = policies.create("{\"action\": \"approve\", \"limit\": 1, \"source\": \"deals\"}");

        JsonObject answer = HostApplicationIT.host("bob", "POST", "start?source=deals&format=CSV");

        assertEquals("ExportAwaitingApproval", answer.getString("thrown"), answer.toString());
        assertEquals("AWAITING_APPROVAL", answer.getString("status"));
        assertEquals(policy.getString("description"), answer.getString("policy"));
        long id = answer.getJsonNumber("id").longValue();
        Api bob = Api.as("bob");
        assertEquals("AWAITING_APPROVAL", Api.json(bob.get("exports/" + id)).getString("status"), "the export exists");
        assertEquals(200, bob.post("exports/" + id + "/withdraw", "{}").statusCode(), "withdrawn: no approval left open");
    }

    @Test
    void a_blocked_export_is_thrown_as_export_blocked_with_the_policy_and_stays_in_the_log() throws Exception {
        JsonObject policy = policies.create("{\"action\": \"block\", \"limit\": 1, \"source\": \"deals\","
                + " \"message\": \"Deals stay in the CRM.\"}");

        JsonObject answer = HostApplicationIT.host("erin", "POST", "start?source=deals&format=XLSX");

        assertEquals("ExportBlocked", answer.getString("thrown"), answer.toString());
        assertEquals(policy.getString("description"), answer.getString("policy"));
        assertEquals(1, answer.getJsonNumber("limit").longValue());
        assertEquals("Deals stay in the CRM.", answer.getString("message"));
        JsonObject logged = Api.json(Api.as("erin").get("exports/" + answer.getJsonNumber("id")));
        assertEquals("BLOCKED", logged.getString("status"), logged.toString());
        assertEquals(policy.getString("description"), logged.getString("policy"));
    }

    @Test
    void a_step_up_policy_refuses_a_host_user_whose_sign_in_time_is_unknown() throws Exception {
        policies.create("{\"action\": \"step-up\", \"limit\": 1, \"source\": \"deals\"}");

        JsonObject answer = HostApplicationIT.host("bob", "POST", "start?source=deals&format=CSV");

        assertEquals("StepUpRequired", answer.getString("thrown"), answer.toString());
        assertEquals(StepUpIT.MAX_AGE.toString(), answer.getString("maxAge"));
        JsonObject ungoverned = HostApplicationIT.host("bob", "POST", "start?source=companies&format=CSV");
        assertEquals(200, ungoverned.getInt("status-code"), "a source no policy governs still exports: " + ungoverned);
        Api.as("bob").awaitEnd(ungoverned.getJsonNumber("id").longValue());
    }

    @Test
    void a_host_application_neither_approves_nor_denies_so_nobody_requests_as_one_identity_and_decides_as_another()
            throws Exception {
        policies.create("{\"action\": \"approve\", \"limit\": 1, \"source\": \"deals\"}");
        Api alice = Api.as("alice");
        HttpResponse<String> requested = alice.post("exports", "{\"source\": \"deals\", \"format\": \"csv\"}");
        assertEquals(202, requested.statusCode(), requested.body());
        long id = Api.json(requested).getJsonNumber("id").longValue();

        // alice asked as her Keycloak user; a host principal, whatever its name, does not decide on it
        for (String decision : List.of("approve", "deny")) {
            JsonObject answer = HostApplicationIT.host("alice", "POST", decision + "?id=" + id);

            assertEquals(403, answer.getInt("status-code"), answer.toString());
            assertEquals("DecisionOutsideKeycloak", answer.getString("thrown"), answer.toString());
        }
        JsonObject exporter = HostApplicationIT.host("bob", "POST", "approve?id=" + id);
        assertEquals(403, exporter.getInt("status-code"), "an exporter is refused for want of the role: " + exporter);
        JsonObject waiting = Api.json(alice.get("exports/" + id));
        assertEquals("AWAITING_APPROVAL", waiting.getString("status"), waiting.toString());
        assertNull(waiting.get("decidedBy"), waiting.toString());
        assertEquals(200, alice.post("exports/" + id + "/withdraw", "").statusCode());
    }

    @Test
    void a_request_by_a_host_principal_is_its_keycloak_namesakes_own_whatever_the_case() throws Exception {
        policies.create("{\"action\": \"approve\", \"limit\": 1, \"source\": \"deals\"}");
        JsonObject held = HostApplicationIT.host("Sam", "POST", "start?source=deals&format=CSV");
        assertEquals("ExportAwaitingApproval", held.getString("thrown"), held.toString());
        long id = held.getJsonNumber("id").longValue();
        Api sam = Api.as("sam");

        for (HttpResponse<String> own : List.of(sam.post("exports/" + id + "/approve", ""),
                sam.post("exports/" + id + "/deny", "{\"reason\": \"Mine after all.\"}"))) {
            assertEquals(403, own.statusCode(), own.body());
            assertEquals("own-export", Api.json(own).getString("error"));
        }
        assertEquals("AWAITING_APPROVAL", Api.json(sam.get("exports/" + id)).getString("status"));
        assertEquals(200, sam.post("exports/" + id + "/withdraw", "").statusCode(), "and sam may take it back");
    }
}
