package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A notice whose mail could not be sent (no SMTP server) survives a restart of the server in the
 * outbox, and is mailed once the SMTP server is there — exactly once. On the second test server
 * (offset 200), restarted for real.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoticeAcrossRestartIT {

    private static final String SERVER = "crash-server";
    private static final URI APP = URI.create("http://127.0.0.1:8280/export-audit/");

    @ArquillianResource
    ContainerController servers;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "restart", managed = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive ear() {
        return ExportAuditEar.asBuilt();
    }

    @Test
    void a_notice_pending_while_smtp_is_down_is_mailed_after_a_restart_exactly_once() throws Exception {
        servers.start(SERVER);
        deployer.deploy("restart");
        Api alice = Api.as("alice").on(APP);
        Api bob = Api.as("bob").on(APP);
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1000}").statusCode());
        String name = "restart-notice-" + System.nanoTime();
        HttpResponse<String> accepted = bob.post("exports",
                "{\"source\": \"companies\", \"format\": \"CSV\", \"fileName\": \"" + name + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        long id = Api.json(accepted).getJsonNumber("id").longValue();
        bob.awaitEnd(id);
        NoticeMails.await(alice, id, "PENDING", 1, Duration.ofSeconds(20)); // the first attempt met no SMTP server

        servers.stop(SERVER);
        try (MailSink smtp = MailSink.started()) {
            servers.start(SERVER);
            smtp.await(name, "alice@example.com", 60);
            // The outbox's timer is not persistent: the outbox table is what brought the mail back.
            NoticeMails.await(Api.as("alice").on(APP), id, "SENT", 2, Duration.ofSeconds(20));

            assertEquals(1, smtp.about(name, "alice@example.com").size(), "not lost, not repeated");
        } finally {
            deployer.undeploy("restart");
            servers.stop(SERVER);
        }
    }
}
