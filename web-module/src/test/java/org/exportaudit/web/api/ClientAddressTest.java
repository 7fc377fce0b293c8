package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void without_trusted_proxies_the_header_is_ignored() {
        ClientAddress address = ClientAddress.trusting(null);

        assertEquals("198.51.100.4", address.of("198.51.100.4", "203.0.113.9"));
    }

    @Test
    void a_forged_header_from_an_untrusted_client_is_ignored() {
        ClientAddress address = ClientAddress.trusting("10.0.0.5");

        assertEquals("198.51.100.4", address.of("198.51.100.4", "203.0.113.9"));
    }

    @Test
    void behind_a_trusted_proxy_the_forwarded_client_is_recorded() {
        ClientAddress address = ClientAddress.trusting("10.0.0.5");

        assertEquals("203.0.113.9", address.of("10.0.0.5", "203.0.113.9"));
        assertEquals("10.0.0.5", address.of("10.0.0.5", null), "no header: the proxy itself");
    }

    @Test
    void what_the_client_prepended_before_the_trusted_hops_is_not_believed() {
        ClientAddress address = ClientAddress.trusting("10.0.0.0/8");

        assertEquals("203.0.113.9", address.of("10.0.0.5", "1.2.3.4, 203.0.113.9, 10.1.1.1"));
    }

    @Test
    void garbage_in_the_header_falls_back_to_the_peer() {
        ClientAddress address = ClientAddress.trusting("10.0.0.5");

        assertEquals("10.0.0.5", address.of("10.0.0.5", "example.org"));
        assertEquals("10.0.0.5", address.of("10.0.0.5", "<script>"));
    }

    @Test
    void ipv6_ranges_match_ipv6_peers() {
        ClientAddress address = ClientAddress.trusting("fd00::/8");

        assertEquals("2001:db8::1", address.of("fd12:3456::1", "2001:db8::1"));
        assertEquals("2001:db8::2", address.of("2001:db8::2", "2001:db8::1"));
    }

    @Test
    void a_misconfigured_proxy_list_is_refused_at_once() {
        assertThrows(IllegalStateException.class, () -> ClientAddress.trusting("proxy.internal"));
        assertThrows(IllegalStateException.class, () -> ClientAddress.trusting("10.0.0.0/33"));
    }
}
