package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stream's cursors are in the database, not in the server's memory: records committed while the
 * webhook is down, before the application is undeployed, reach it after the application is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SiemAcrossRedeployIT {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "redeployed", managed = false)
    static EnterpriseArchive ear() {
        return ExportAuditEar.asBuilt();
    }

    @Test
    void records_committed_while_the_webhook_is_down_reach_it_after_a_redeploy() throws Exception {
        deployer.deploy("redeployed");
        try {
            long before = SiemReceivers.delivered(SiemReceivers.state(SiemReceivers.WEBHOOK));
            long policy = SiemReceivers.auditedChange("committed before the redeploy");
            long head = SiemReceivers.head(SiemReceivers.state(SiemReceivers.WEBHOOK));
            assertTrue(head > before, "records waiting");

            deployer.undeploy("redeployed");
            deployer.deploy("redeployed");

            try (WebhookReceiver webhook = WebhookReceiver.listening(URI.create(SiemReceivers.WEBHOOK))) {
                Poll.until(Duration.ofMinutes(2), Duration.ofSeconds(1), () -> {
                    JsonObject state = SiemReceivers.state(SiemReceivers.WEBHOOK);
                    return Optional.of(state).filter(s -> SiemReceivers.delivered(s) >= head && !s.getBoolean("failing"));
                }, () -> "the webhook got what was committed before the redeploy: " + webhook.ids());

                List<Long> firstSeen = webhook.ids().stream().distinct().toList();
                List<Long> expected = LongStream.rangeClosed(SiemReceivers.nextAfter(before), head).boxed().toList();
                assertEquals(expected, firstSeen.subList(0, Math.min(firstSeen.size(), expected.size())));
                assertTrue(webhook.events().values().stream().anyMatch(event -> event.getString("type")
                        .equals("org.exportaudit.policy.removed") && event.getJsonObject("data").getJsonObject("detail")
                        .getJsonNumber("policyId").longValue() == policy), "the policy's removal arrived");
            }
        } finally {
            deployer.undeploy("redeployed");
        }
    }
}
