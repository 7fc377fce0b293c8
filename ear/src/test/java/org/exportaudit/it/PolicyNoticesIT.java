package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What export policies tell the super admins, through a real SMTP server: a notice policy tells
 * every super admin the application knows (whatever their threshold), an approval request asks every
 * one but the requester, and the notice then shows who decided. alice and sam become known by
 * calling the API; alice's threshold is 1,000, sam has none, companies has 5,000 records.
 */
@AsksTheDatabase
@DeployedOnce
class PolicyNoticesIT {

    private final List<String> policies = new ArrayList<>();
    private MailSink smtp;
    private Api alice;
    private Api sam;
    private Api bob;

    @BeforeEach
    void admins() throws Exception {
        smtp = MailSink.started();
        alice = Api.as("alice");
        sam = Api.as("sam");
        bob = Api.as("bob");
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
        assertEquals(200, sam.put("settings/large-export-threshold", "{\"threshold\": null}").statusCode());
    }

    @AfterEach
    void removePolicies() throws Exception {
        for (String policy : policies) {
            assertEquals(204, alice.delete("policies/" + policy).statusCode());
        }
        smtp.close();
    }

    @Test
    void a_notice_policy_tells_every_known_super_admin_once_whatever_their_threshold() throws Exception {
        policy("{\"source\": \"companies\", \"appliesTo\": \"export\", \"action\": \"notify\", \"limit\": 1000}");
        String name = "companies-policy-" + System.nanoTime();
        long id = export(bob, name, "PROCESSING");

        MimeMessage toSam = smtp.await(name, "sam@example.com", 20);
        MimeMessage toAlice = smtp.await(name, "alice@example.com", 20);
        bob.awaitEnd(id);
        NoticeMails.await(alice, id, "SENT", 0, Duration.ofSeconds(40)); // the outbox is done with this export

        assertEquals("Export policy reached: bob is exporting 5,000 Companies records", toSam.getSubject());
        assertTrue(MailSink.body(toSam).contains("Notice from 1,000 records of Companies (exporters)"), MailSink.body(toSam));
        assertEquals(1, smtp.about(name, "alice@example.com").size(), "one mail, though her threshold is exceeded too");
        assertEquals("Export policy reached: bob is exporting 5,000 Companies records", toAlice.getSubject());
        JsonObject notice = NoticeMails.noticeOf(sam, id);
        assertNotNull(notice, "sam has no threshold, and is told by the policy");
        assertTrue(notice.getString("policy").contains("Notice from 1,000 records"), notice.toString());
    }

    @Test
    void an_approval_request_asks_every_super_admin_but_the_requester_and_the_notice_shows_who_decided() throws Exception {
        policy("{\"source\": \"companies\", \"action\": \"approve\", \"limit\": 1000}");
        String name = "companies-approval-" + System.nanoTime();
        long id = export(alice, name, "AWAITING_APPROVAL");

        MimeMessage toSam = smtp.await(name, "sam@example.com", 20);
        assertEquals("Approval needed: alice asks to export 5,000 Companies records", toSam.getSubject());
        assertTrue(MailSink.body(toSam).contains("/export-audit/log/" + id), MailSink.body(toSam));
        JsonObject asked = NoticeMails.noticeOf(sam, id);
        assertTrue(asked.getBoolean("approval"));
        assertEquals("AWAITING_APPROVAL", asked.getString("exportStatus"));
        NoticeMails.await(sam, id, "SENT", 0, Duration.ofSeconds(40));
        assertEquals(List.of(), smtp.about(name, "alice@example.com"), "nobody is asked to approve their own export");
        assertNull(NoticeMails.noticeOf(alice, id));

        HttpResponse<String> approved = sam.post("exports/" + id + "/approve", "");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject ended = alice.awaitEnd(id);

        assertEquals("COMPLETED", ended.getString("status"));
        assertEquals("sam", ended.getString("decidedBy"));
        assertEquals(5000, ended.getJsonNumber("records").longValue());
        JsonObject decided = NoticeMails.noticeOf(sam, id);
        assertEquals("COMPLETED", decided.getString("exportStatus"));
        assertEquals("sam", decided.getString("decidedBy"));
    }

    private void policy(String json) throws Exception {
        HttpResponse<String> created = alice.post("policies", json);
        assertEquals(201, created.statusCode(), created.body());
        policies.add(Api.json(created).getJsonNumber("id").toString());
    }

    private static long export(Api who, String name, String status) throws Exception {
        HttpResponse<String> accepted = who.post("exports",
                "{\"source\": \"companies\", \"format\": \"CSV\", \"fileName\": \"" + name + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(status, Api.json(accepted).getString("status"));
        return Api.json(accepted).getJsonNumber("id").longValue();
    }
}
