package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mail server that takes connections and then keeps every sender waiting holds a thread for each
 * notice mail on its way; exports asked for meanwhile start and complete all the same. Their jobs
 * start on an executor of their own (server-config/cli/batch.cli): on the server's default one,
 * whose 4 threads on these 2 cores the held mails fill, a start would wait for the mail server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailOutageIT {

    private static final int LARGE_EXPORTS = 6;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ExportAuditEar.asBuilt();
    }

    @Test
    void exports_start_and_complete_while_every_notice_mail_waits_on_a_stalled_mail_server() throws Exception {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
        try (StalledSmtp smtp = StalledSmtp.started()) {
            List<Long> large = new ArrayList<>();
            for (int i = 0; i < LARGE_EXPORTS; i++) {
                large.add(bob.start("companies", "CSV")); // 5,000 records: a notice, and its mail, for alice
            }
            Poll.untilTrue(Duration.ofSeconds(60), Duration.ofMillis(50), () -> smtp.waiting() >= 4,
                    () -> "notice mails held by the stalled mail server: " + smtp.waiting());

            long asked = bob.start("deals", "CSV");
            JsonObject ended = bob.awaitEnd(asked);

            assertEquals("COMPLETED", ended.getString("status"), ended.toString());
            assertTrue(smtp.waiting() >= 4, "the mails were still held when the export completed: " + smtp.waiting());
            for (long id : large) {
                assertEquals("COMPLETED", bob.awaitEnd(id).getString("status"), "export " + id);
            }

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
