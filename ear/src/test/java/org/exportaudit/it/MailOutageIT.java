package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mail server that takes connections and then keeps every sender waiting: the outbox sends one
 * mail at a time on each server, so it holds one thread, not one per notice mail, and exports asked
 * for meanwhile start and complete. Sending a mail each on a thread of its own, the notice mails of
 * six large exports had filled the server's default executor (4 threads on these 2 cores), on which
 * the audit trail is chained and streamed too.
 */
@DeployedOnce
class MailOutageIT {

    private static final int LARGE_EXPORTS = 6;

    @Test
    void a_stalled_mail_server_holds_one_sender_and_exports_start_and_complete_meanwhile() throws Exception {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
        try (StalledSmtp smtp = StalledSmtp.started()) {
            List<Long> large = new ArrayList<>();
            for (int i = 0; i < LARGE_EXPORTS; i++) {
                large.add(bob.start("companies", "CSV")); // 5,000 records: a notice, and its mail, for alice
            }
            for (long id : large) {
                assertEquals("COMPLETED", bob.awaitEnd(id).getString("status"), "export " + id);
            }
            Poll.untilTrue(Duration.ofSeconds(60), Duration.ofMillis(50), () -> smtp.waiting() >= 1,
                    () -> "a notice mail held by the stalled mail server");

            long asked = bob.start("deals", "CSV");
            JsonObject ended = bob.awaitEnd(asked);

            assertEquals("COMPLETED", ended.getString("status"), ended.toString());
            for (long id : large) {
                JsonObject mail = NoticeMails.noticeOf(alice, id).getJsonObject("mail");
                assertNotEquals("SENT", mail.getString("status"), "export " + id + "'s mail: " + mail);
            }
            assertEquals(1, smtp.waiting(), "one sender held, with seven notice mails due");

            smtp.release();
            for (long id : large) {
                NoticeMails.await(alice, id, "SENT", 1, Duration.ofSeconds(60));
            }
            NoticeMails.await(alice, asked, "SENT", 1, Duration.ofSeconds(60));
        } finally {
            alice.put("settings/large-export-threshold", "{\"threshold\": null}");
        }
    }
}
