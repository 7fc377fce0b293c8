package org.exportaudit.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoticeMailTest {

    private static final LargeExport EXPORT = new LargeExport(42, "bob", "contacts", "Contacts",
            "contacts-2026-11-25.csv", 5_000, Instant.parse("2026-11-25T09:30:00Z"));

    @Test
    void says_who_which_source_how_many_the_file_when_and_links_the_log() {
        NoticeMail mail = NoticeMail.about(EXPORT, "alice", 1_000, "http://app/export-audit/log/42");

        assertEquals("Large export: bob is exporting 5,000 Contacts records", mail.subject());
        for (String part : new String[] {"bob", "5,000", "Contacts", "contacts-2026-11-25.csv",
                "2026-11-25 09:30:00 UTC", "http://app/export-audit/log/42", "1,000"}) {
            assertTrue(mail.text().contains(part), part);
            assertTrue(mail.html().contains(part), part);
        }
    }

    @Test
    void user_values_cannot_inject_markup_or_headers() {
        LargeExport hostile = new LargeExport(7, "eve\r\nBcc: all@example.com", "contacts", "Contacts",
                "<img src=x onerror=alert(1)>.csv", 2, Instant.parse("2026-11-25T09:30:00Z"));

        NoticeMail mail = NoticeMail.about(hostile, "alice", 1, "http://app/?a=1&b=2");

        assertFalse(mail.subject().contains("\n") || mail.subject().contains("\r"), mail.subject());
        assertFalse(mail.html().contains("<img"), mail.html());
        assertTrue(mail.html().contains("&lt;img src=x onerror=alert(1)&gt;.csv"));
        assertTrue(mail.html().contains("href=\"http://app/?a=1&amp;b=2\""));
    }
}
