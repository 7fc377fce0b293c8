package org.exportaudit.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileDownloadedTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void an_8_kb_user_agent_is_recorded_cut_to_the_column() {
        String agent = "Mozilla/5.0 " + "x".repeat(8_192);

        FileDownloaded downloaded = new FileDownloaded(1, "bob", "203.0.113.9", agent, NOW);

        assertEquals(Download.USER_AGENT_LENGTH, downloaded.userAgent().length());
        assertEquals(agent.substring(0, Download.USER_AGENT_LENGTH), downloaded.userAgent());
    }

    @Test
    void what_fits_is_recorded_as_sent() {
        FileDownloaded downloaded = new FileDownloaded(1, "bob", "2001:db8::1", "curl/8.5.0", NOW);

        assertEquals("2001:db8::1", downloaded.ipAddress());
        assertEquals("curl/8.5.0", downloaded.userAgent());
        assertNull(new FileDownloaded(1, "bob", "::1", null, NOW).userAgent());
    }

    @Test
    void an_address_longer_than_its_column_is_cut() {
        String scoped = "fe80::1%" + "e".repeat(100);

        assertEquals(Download.IP_ADDRESS_LENGTH, new FileDownloaded(1, "bob", scoped, null, NOW).ipAddress().length());
    }

    @Test
    void the_cut_never_splits_a_character() {
        String agent = "a".repeat(Download.USER_AGENT_LENGTH - 1) + "😀";

        String recorded = new FileDownloaded(1, "bob", "::1", agent, NOW).userAgent();

        assertEquals("a".repeat(Download.USER_AGENT_LENGTH - 1), recorded);
    }
}
