package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Large-export notices with a real SMTP server (GreenMail): alice's threshold is 1,000 and sam's
 * 10,000; the demo has 5,000 companies and 100,000 contacts. Each export gets a file name of its
 * own, by which its mails are told apart from any other test's.
 */
@AsksTheDatabase
@DeployedOnce
class NotificationIT {

    private MailSink smtp;
    private Api alice;
    private Api sam;
    private Api bob;

    @BeforeEach
    void thresholds() throws Exception {
        smtp = MailSink.started();
        alice = Api.as("alice");
        sam = Api.as("sam");
        bob = Api.as("bob");
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
        assertEquals(200, sam.put("settings/large-export-threshold", "{\"threshold\": 10000}").statusCode());
    }

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    @Test
    void an_admin_whose_threshold_is_exceeded_is_mailed_and_one_whose_is_not_is_not() throws Exception {
        String name = uniqueName("companies");
        long id = export(bob, "companies", name);

        MimeMessage mail = smtp.await(name, "alice@example.com", 20);
        bob.awaitEnd(id);
        awaitMail(alice, id, "SENT"); // the outbox is done with this export: sam has no notice, so no mail

        assertEquals("Large export: bob is exporting 5,000 Companies records", mail.getSubject());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount(), "plain text and HTML");
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains(name + ".csv") && text.contains("/export-audit/log/" + id), text);
        assertEquals(1, smtp.about(name, "alice@example.com").size(), "one export notifies each admin once");
        assertEquals(List.of(), smtp.about(name, "sam@example.com"));
        assertTrue(noticeOf(alice, id) != null, "alice has the in-app notice");
        assertTrue(noticeOf(sam, id) == null, "sam has none");
    }

    @Test
    void every_notice_mail_has_a_message_id_of_its_own_in_the_applications_domain() throws Exception {
        String name = uniqueName("contacts");
        long id = export(bob, "contacts", name);

        MimeMessage toAlice = smtp.await(name, "alice@example.com", 20);
        MimeMessage toSam = smtp.await(name, "sam@example.com", 20);

        String host = URI.create(link(toAlice)).getHost();
        Matcher alices = MESSAGE_ID.matcher(String.valueOf(toAlice.getMessageID()));
        Matcher sams = MESSAGE_ID.matcher(String.valueOf(toSam.getMessageID()));
        assertTrue(alices.matches() && sams.matches(), toAlice.getMessageID() + " " + toSam.getMessageID());
        assertEquals(host, alices.group(2), "the application's host, the same on every server");
        assertFalse(alices.group(1).equals(sams.group(1)), "one per mail");
        assertEquals("SENT", awaitMail(alice, id, "SENT").getString("status"));
    }

    @Test
    void the_notice_and_its_mail_come_with_the_count_not_when_the_file_is_done() throws Exception {
        String name = uniqueName("contacts");
        long id = export(bob, "contacts", name, "XLSX");

        MimeMessage mail = smtp.await(name, "alice@example.com", 20);
        JsonObject ended = bob.awaitEnd(id);
        JsonObject notice = noticeOf(alice, id);

        // The notice and its mail are written in the transaction that records the count, before the job
        // reads its first row, and the mail is sent as that commits. By the server's own clock, then; how
        // soon after the request the mail arrives is bin/bench's measure (a 100,000-row export of
        // PostgreSQL may be over within a second, before a loaded machine's SMTP conversation is).
        assertTrue(Instant.parse(notice.getString("at")).isBefore(Instant.parse(ended.getString("endedAt"))),
                "noticed when counted, before the export ended: " + notice + ", " + ended);
        assertEquals(100000, notice.getJsonNumber("records").longValue(), notice.toString());
        assertTrue(mail.getSubject().contains("100,000"), mail.getSubject());
        assertEquals("COMPLETED", ended.getString("status"));
        assertEquals(1, smtp.about(name, "sam@example.com").size(), "100,000 records exceed sam's 10,000 too");
    }

    @Test
    void an_admin_without_a_threshold_gets_nothing() throws Exception {
        assertEquals(200, sam.put("settings/large-export-threshold", "{\"threshold\": null}").statusCode());
        String name = uniqueName("contacts");
        long id = export(bob, "contacts", name);

        smtp.await(name, "alice@example.com", 20);
        bob.awaitEnd(id);
        awaitMail(alice, id, "SENT"); // the outbox is done with this export

        assertEquals(List.of(), smtp.about(name, "sam@example.com"));
        assertTrue(noticeOf(sam, id) == null);
    }

    @Test
    void with_the_smtp_server_down_the_notice_is_mailed_once_it_is_back_exactly_once() throws Exception {
        smtp.close();
        String name = uniqueName("companies");
        long id = export(bob, "companies", name);
        bob.awaitEnd(id);
        assertTrue(noticeOf(alice, id) != null, "the in-app notice does not wait for the mail");
        JsonObject refused = awaitMail(alice, id, "PENDING", 1);

        smtp = MailSink.started();
        smtp.await(name, "alice@example.com", 40);
        JsonObject sent = awaitMail(alice, id, "SENT");

        assertEquals(1, smtp.about(name, "alice@example.com").size(), "sent once it is back, exactly once");
        assertTrue(sent.getInt("attempts") > refused.getInt("attempts"), sent + " after " + refused);
    }

    @Test
    void notices_are_the_callers_own_newest_first_and_can_be_marked_read() throws Exception {
        String first = uniqueName("companies");
        long firstId = export(bob, "companies", first);
        String second = uniqueName("companies");
        long secondId = export(bob, "companies", second);
        bob.awaitEnd(firstId);
        bob.awaitEnd(secondId);

        // Each notice is created when its job has counted the records, so the two jobs may create them in
        // either order: the promise is newest first by the notice's own time, not by the order of the requests.
        List<JsonObject> items = Api.json(alice.get("notifications")).getJsonArray("items").getValuesAs(JsonObject.class);
        for (int i = 1; i < items.size(); i++) {
            assertFalse(Instant.parse(items.get(i).getString("at")).isAfter(Instant.parse(items.get(i - 1).getString("at"))),
                    "newest first: " + items);
        }
        assertTrue(noticeOf(alice, firstId) != null && noticeOf(alice, secondId) != null, "both exports are noticed");
        JsonObject notice = noticeOf(alice, secondId);
        assertFalse(notice.getBoolean("read"));
        assertEquals("bob", notice.getString("user"));
        assertEquals(5000, notice.getJsonNumber("records").longValue());
        long unread = Api.json(alice.get("notifications")).getJsonNumber("unread").longValue();

        assertEquals(200, alice.post("notifications/" + notice.getJsonNumber("id") + "/read", "").statusCode());

        assertTrue(noticeOf(alice, secondId).getBoolean("read"));
        assertEquals(unread - 1, Api.json(alice.get("notifications")).getJsonNumber("unread").longValue());
        assertEquals(404, sam.post("notifications/" + notice.getJsonNumber("id") + "/read", "").statusCode(),
                "another admin's notice");
        assertEquals(403, bob.get("notifications").statusCode());
        assertEquals(403, Api.as("carl").get("notifications").statusCode());
        assertEquals(401, Api.anonymous().get("notifications").statusCode());
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<notice-(\\d+)\\.export-audit@([^>]+)>");

    private static String link(MimeMessage mail) throws Exception {
        Matcher link = Pattern.compile("Export: (\\S+)").matcher(MailSink.body(mail));
        assertTrue(link.find());
        return link.group(1);
    }

    private static JsonObject awaitMail(Api admin, long exportId, String status) throws Exception {
        return awaitMail(admin, exportId, status, 0);
    }

    private static JsonObject awaitMail(Api admin, long exportId, String status, int attempts) throws Exception {
        return NoticeMails.await(admin, exportId, status, attempts, Duration.ofSeconds(40));
    }

    private static String uniqueName(String source) {
        return source + "-notice-" + System.nanoTime();
    }

    private static long export(Api who, String source, String name) throws Exception {
        return export(who, source, name, "CSV");
    }

    private static long export(Api who, String source, String name, String format) throws Exception {
        HttpResponse<String> accepted = who.post("exports",
                "{\"source\": \"" + source + "\", \"format\": \"" + format + "\", \"fileName\": \"" + name + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        return Api.json(accepted).getJsonNumber("id").longValue();
    }

    /** The caller's notice about an export, or null. */
    private static JsonObject noticeOf(Api admin, long exportId) throws Exception {
        HttpResponse<String> notices = admin.get("notifications");
        assertEquals(200, notices.statusCode(), notices.body());
        return Api.json(notices).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getJsonNumber("exportId").longValue() == exportId)
                .findFirst().orElse(null);
    }
}
