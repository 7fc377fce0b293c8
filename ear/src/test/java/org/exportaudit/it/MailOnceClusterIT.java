package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each outbox mail is sent once, cluster-wide: with the SMTP server down, both nodes' outboxes try
 * the notices' mails (each node runs its outbox timer); once it is back, each mail arrives once.
 * The cluster's outbox retries within a second or two (Cluster passes export-audit.mail.first-retry).
 */
class MailOnceClusterIT {

    private static final List<String> ADMINS = List.of("alice", "sam");

    @Test
    void with_the_smtp_server_down_both_nodes_try_and_once_it_is_up_each_mail_arrives_exactly_once() throws Exception {
        Cluster cluster = Cluster.running();
        for (String admin : ADMINS) {
            Api api = Api.as(admin).on(Cluster.BALANCER);
            assertEquals(200, api.put("settings/large-export-threshold", "{\"threshold\": 1}").statusCode());
        }
        long[] logged = {Files.size(cluster.serverLog("node-1")), Files.size(cluster.serverLog("node-2"))};
        String name = "companies-mail-once-" + System.nanoTime();
        Api bob = Api.as("bob").on(Cluster.BALANCER);
        var accepted = bob.post("exports", "{\"source\": \"companies\", \"format\": \"CSV\", \"fileName\": \"" + name + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        long id = Api.json(accepted).getJsonNumber("id").longValue();
        bob.awaitEnd(id);

        // Both nodes' outboxes try while the SMTP server is down, and log each refusal.
        Poll.untilTrue(Duration.ofSeconds(90), Duration.ofMillis(200),
                () -> triedOn(cluster, "node-1", logged[0]) && triedOn(cluster, "node-2", logged[1]),
                () -> "both nodes tried the mails: node-1 " + triedOnQuietly(cluster, "node-1", logged[0])
                        + ", node-2 " + triedOnQuietly(cluster, "node-2", logged[1]));

        try (MailSink smtp = MailSink.started()) {
            for (String admin : ADMINS) {
                Api api = Api.as(admin).on(Cluster.BALANCER);
                NoticeMails.await(api, id, "SENT", 1, Duration.ofSeconds(60));
            }
            // A node sends only a mail it claimed (one row, one claim, in the database): once SENT,
            // no node claims it again, so what arrived by now is all that ever arrives.
            for (String admin : ADMINS) {
                assertEquals(1, smtp.about(name, admin + "@example.com").size(), "exactly one mail to " + admin);
            }
        }
    }

    private static boolean triedOn(Cluster cluster, String node, long from) throws Exception {
        byte[] log = Files.readAllBytes(cluster.serverLog(node));
        int start = (int) Math.min(from, log.length);
        return new String(log, start, log.length - start, java.nio.charset.StandardCharsets.UTF_8)
                .contains("not sent (attempt");
    }

    private static boolean triedOnQuietly(Cluster cluster, String node, long from) {
        try {
            return triedOn(cluster, node, from);
        } catch (Exception e) {
            return false;
        }
    }
}
