package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void ipv4_literals_are_read() {
        assertArrayEquals(new byte[] {(byte) 203, 0, 113, 9}, IpLiteral.parse("203.0.113.9"));
        assertArrayEquals(new byte[] {0, 0, 0, 0}, IpLiteral.parse("0.0.0.0"));
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, IpLiteral.parse("255.255.255.255"));
    }

    @Test
    void ipv6_literals_are_read_in_every_form() {
        byte[] documentation = bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertArrayEquals(documentation, IpLiteral.parse("2001:db8::1"));
        assertArrayEquals(documentation, IpLiteral.parse("2001:DB8:0:0:0:0:0:1"));
        assertArrayEquals(documentation, IpLiteral.parse("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertArrayEquals(new byte[16], IpLiteral.parse("::"));
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), IpLiteral.parse("::1"));
        assertArrayEquals(bytes(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), IpLiteral.parse("fe80::"));
        assertArrayEquals(bytes(0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0), IpLiteral.parse("1:2:3:4:5:6:7::"));
        assertArrayEquals(bytes(0, 0, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8), IpLiteral.parse("::2:3:4:5:6:7:8"));
        assertArrayEquals(bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 5),
                IpLiteral.parse("2001:db8::10.0.0.5"), "IPv4 in the last 32 bits");
    }

    @Test
    void ipv4_mapped_addresses_read_as_the_ipv4_address() {
        assertArrayEquals(new byte[] {10, 0, 0, 5}, IpLiteral.parse("::ffff:10.0.0.5"));
        assertArrayEquals(new byte[] {10, 0, 0, 5}, IpLiteral.parse("::ffff:a00:5"));
        assertArrayEquals(new byte[] {10, 0, 0, 5}, IpLiteral.parse("0:0:0:0:0:ffff:10.0.0.5"));
    }

    @Test
    void anything_else_is_refused() {
        for (String text : List.of("", " ", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "1..2.3",
                "1.2.3.4:8080", "[::1]", "fe80::1%eth0", ":::", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7:8::", "12345::1", "g::1", "1.2.3.4::", "::1.2.3", "２::1", "１.2.3.4",
                "1:2:3:4:5:6:7", "::ffff:1.2.3.4.5", "localhost", "example.org", "<script>", "unknown")) {
            assertNull(IpLiteral.parse(text), text);
        }
        assertNull(IpLiteral.parse(null));
    }

    @Test
    void hex_looking_host_names_are_refused_without_a_lookup() {
        // Each would take seconds if it went to a resolver that does not answer; a literal parser is instant.
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> {
            for (String name : List.of("cafe.de", "dead.beef", "face", "bad.cafe", "ace.de", "be.ef", "a.b.c.d", "c0.ffee")) {
                assertNull(IpLiteral.parse(name), name);
            }
        });
    }

    @Test
    void the_parser_has_no_way_to_reach_a_resolver() throws IOException {
        // Whatever the input, the class cannot look a name up: it refers to nothing in java.net.
        try (InputStream in = IpLiteral.class.getResourceAsStream("IpLiteral.class")) {
            assertNotNull(in);
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(constants.contains("java/net/"), "IpLiteral refers to java.net");
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
