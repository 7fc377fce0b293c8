package org.exportaudit.siem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiemSettingsTest {

    @Test
    void webhooks_are_comma_separated_http_urls_and_none_is_none() {
        assertEquals(List.of(URI.create("https://siem.example.com/events"), URI.create("http://127.0.0.1:9000/ce")),
                SiemSettings.webhooks(" https://siem.example.com/events , http://127.0.0.1:9000/ce,"));
        assertEquals(List.of(), SiemSettings.webhooks(null));
        assertEquals(List.of(), SiemSettings.webhooks(" "));
    }

    @Test
    void a_webhook_that_is_not_http_stops_the_deployment_without_repeating_its_password() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SiemSettings.webhooks("ftp://user:secret@siem.example.com/x"));
        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> SiemSettings.webhooks("siem.example.com/events"));
        assertThrows(IllegalStateException.class, () -> SiemSettings.webhooks("https://user:se cret@x/"));
    }

    @Test
    void collectors_are_tcp_or_tls_with_a_host_and_a_port() {
        assertEquals(List.of(URI.create("tcp://127.0.0.1:514"), URI.create("tls://logs.example.com:6514")),
                SiemSettings.collectors("tcp://127.0.0.1:514,tls://logs.example.com:6514"));
        for (String wrong : List.of("udp://127.0.0.1:514", "tcp://127.0.0.1", "tcp://127.0.0.1:514/x", "127.0.0.1:514")) {
            assertThrows(IllegalStateException.class, () -> SiemSettings.collectors(wrong), wrong);
        }
    }

    @Test
    void a_collector_that_is_refused_is_named_without_its_password_or_query() {
        for (String wrong : List.of("tcp://user:pass@logs.example.com:514", "tls://user:pass@logs.example.com",
                "udp://user:pass@logs.example.com:514", "tcp://logs.example.com:514?token=pass", "user:pass@logs:514")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SiemSettings.collectors(wrong));
            assertFalse(refused.getMessage().contains("pass"), refused.getMessage());
        }
        IllegalStateException named = assertThrows(IllegalStateException.class,
                () -> SiemSettings.collectors("tcp://ops:s3cret@logs.example.com:514"));
        assertTrue(named.getMessage().contains("tcp://logs.example.com:514"), named.getMessage());
    }

    @Test
    void the_source_is_the_application_address_without_its_trailing_slash() {
        assertEquals("https://crm.example.com/export-audit", SiemSettings.source("https://crm.example.com/export-audit/"));
    }

    @Test
    void a_webhook_is_named_without_its_credentials_and_query_but_sent_to_with_its_query() {
        Webhook webhook = new Webhook(URI.create("https://ops:s3cret@siem.example.com:8443/hooks/audit?token=abc"), "/x");

        assertEquals("https://siem.example.com:8443/hooks/audit", webhook.name());
        assertEquals(URI.create("https://siem.example.com:8443/hooks/audit?token=abc"),
                Webhook.withoutUserInfo(URI.create("https://ops:s3cret@siem.example.com:8443/hooks/audit?token=abc"),
                        "token=abc"));
    }
}
