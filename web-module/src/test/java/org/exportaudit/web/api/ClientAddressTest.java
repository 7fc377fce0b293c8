package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void without_trusted_proxies_the_header_is_ignored() {
        ClientAddress address = ClientAddress.trusting(null);

        assertEquals("198.51.100.4", address.of("198.51.100.4", List.of("203.0.113.9")));
    }

    @Test
    void a_forged_header_from_an_untrusted_client_is_ignored() {
        ClientAddress address = ClientAddress.trusting("10.0.0.5");

        assertEquals("198.51.100.4", address.of("198.51.100.4", List.of("203.0.113.9")));
    }

    @Test
    void behind_a_trusted_proxy_the_forwarded_client_is_recorded() {
        ClientAddress address = ClientAddress.trusting("10.0.0.5");

        assertEquals("203.0.113.9", address.of("10.0.0.5", List.of("203.0.113.9")));
        assertEquals("10.0.0.5", address.of("10.0.0.5", List.of()), "no header: the proxy itself");
    }

    @Test
    void what_the_client_prepended_before_the_trusted_hops_is_not_believed() {
        ClientAddress address = ClientAddress.trusting("10.0.0.0/8");

        assertEquals("203.0.113.9", address.of("10.0.0.5", List.of("1.2.3.4, 203.0.113.9, 10.1.1.1")));
    }

    @Test
    void garbage_in_the_header_falls_back_to_the_peer() {
        ClientAddress address = ClientAddress.trusting("10.0.0.5");

        assertEquals("10.0.0.5", address.of("10.0.0.5", List.of("example.org")));
        assertEquals("10.0.0.5", address.of("10.0.0.5", List.of("<script>")));
    }

    @Test
    void ipv6_ranges_match_ipv6_peers() {
        ClientAddress address = ClientAddress.trusting("fd00::/8");

        assertEquals("2001:db8::1", address.of("fd12:3456::1", List.of("2001:db8::1")));
        assertEquals("2001:db8::2", address.of("2001:db8::2", List.of("2001:db8::1")));
    }

    @Test
    void a_misconfigured_proxy_list_is_refused_at_once() {
        assertThrows(IllegalStateException.class, () -> ClientAddress.trusting("proxy.internal"));
        assertThrows(IllegalStateException.class, () -> ClientAddress.trusting("10.0.0.0/33"));
    }

    @Test
    void every_header_line_is_read_so_a_forged_first_line_is_not_the_client() {
        ClientAddress address = ClientAddress.trusting("10.0.0.0/8");

        // The client sent "X-Forwarded-For: 6.6.6.6"; the trusted proxy added a line of its own.
        assertEquals("203.0.113.9", address.of("10.0.0.5", List.of("6.6.6.6", "203.0.113.9")));
        assertEquals("203.0.113.9", address.of("10.0.0.5", List.of("6.6.6.6, 1.2.3.4", "203.0.113.9, 10.1.1.1")));
        assertEquals("203.0.113.9", address.of("10.0.0.5",
                Collections.enumeration(List.of("6.6.6.6", "203.0.113.9"))), "as the servlet request hands them over");
    }

    @Test
    void a_line_that_is_not_an_address_spoils_the_whole_header() {
        ClientAddress address = ClientAddress.trusting("10.0.0.0/8");

        assertEquals("10.0.0.5", address.of("10.0.0.5", List.of("203.0.113.9", "cafe.de")));
        assertEquals("10.0.0.5", address.of("10.0.0.5", List.of("203.0.113.9", "")));
    }

    @Test
    void hex_looking_host_names_are_neither_trusted_nor_believed() {
        assertThrows(IllegalStateException.class, () -> ClientAddress.trusting("cafe.de"));
        assertThrows(IllegalStateException.class, () -> ClientAddress.trusting("dead.beef/16"));
        ClientAddress address = ClientAddress.trusting("10.0.0.5");

        for (String name : List.of("cafe.de", "dead.beef", "face", "bad.cafe")) {
            assertEquals("10.0.0.5", address.of("10.0.0.5", List.of(name)), name);
        }
    }

    @Test
    void an_ipv4_mapped_peer_matches_an_ipv4_range() {
        ClientAddress address = ClientAddress.trusting("10.0.0.0/8");

        assertEquals("203.0.113.9", address.of("::ffff:10.0.0.5", List.of("203.0.113.9")));
    }
}
