package org.exportaudit.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NoticeMailTest {

    private static final LargeExport EXPORT = new LargeExport(42, "bob", "contacts", "Contacts",
            "contacts-2026-11-25.csv", 5_000, Instant.parse("2026-11-25T09:30:00Z"));
    private static final MailReader ALICE = MailReader.of("alice");
    private static final MailReader STINA = MailReader.of("stina", "sv", "Europe/Stockholm");

    @Test
    void says_who_which_source_how_many_the_file_when_and_links_the_log() {
        NoticeMail mail = NoticeMail.about(EXPORT, ALICE, 1_000, "http://app/export-audit/log/42");

        assertEquals("Large export: bob is exporting 5,000 Contacts records", mail.subject());
        assertTrue(mail.text().startsWith("Hello alice,\n"), mail.text());
        assertTrue(mail.text().contains("\nFile:   contacts-2026-11-25.csv\nWhen:   2026-11-25 09:30:00 UTC\n"
                + "Export: http://app/export-audit/log/42\n"), "the facts in one column: " + mail.text());
        for (String part : new String[] {"alice", "bob", "5,000", "Contacts", "contacts-2026-11-25.csv",
                "2026-11-25 09:30:00 UTC", "http://app/export-audit/log/42", "1,000"}) {
            assertTrue(mail.text().contains(part), part);
            assertTrue(mail.html().contains(part), part);
        }
    }

    @Test
    void a_swedish_admin_reads_swedish_with_times_in_her_zone_and_numbers_as_swedes_write_them() {
        NoticeMail mail = NoticeMail.about(EXPORT, STINA, 1_000, "http://app/export-audit/log/42");

        assertEquals("Stor export: bob exporterar 5\u00a0000 poster ur Contacts", mail.subject());
        assertTrue(mail.text().startsWith("Hej stina,\n"), mail.text());
        for (String part : new String[] {"stina", "5\u00a0000", "fler än din tröskel på", "1\u00a0000",
                "2026-11-25 10:30:00 CET", "Inställningar &gt; Import och export"}) {
            assertTrue(mail.html().contains(part), part + " in " + mail.html());
        }
        assertTrue(mail.text().contains("När:") && mail.text().contains("2026-11-25 10:30:00 CET"), mail.text());
        assertTrue(mail.text().contains("Inställningar > Import och export"), mail.text());
    }

    @Test
    void an_approval_request_says_when_it_expires_in_the_reader_zone() {
        NoticeMail mail = NoticeMail.askingApproval(EXPORT, MailReader.of("sam", "en", "America/New_York"), "Policy #3",
                Instant.parse("2026-11-26T09:30:00Z"), "http://app/export-audit/log/42");

        assertEquals("Approval needed: bob asks to export 5,000 Contacts records", mail.subject());
        assertTrue(mail.text().contains("2026-11-25 04:30:00 EST") && mail.text().contains("2026-11-26 04:30:00 EST"),
                mail.text());
        assertTrue(mail.html().contains("Approve or deny the export"), mail.html());
    }

    @Test
    void an_account_without_a_known_language_or_zone_reads_english_in_utc() {
        assertEquals(ALICE.locale(), MailReader.of("x", "fi", "Mars/Base").locale());
        assertEquals(ALICE.zone(), MailReader.of("x", null, "Mars/Base").zone());
    }

    @Test
    void user_values_cannot_inject_markup_or_headers() {
        LargeExport hostile = new LargeExport(7, "eve\r\nBcc: all@example.com", "contacts", "Contacts",
                "<img src=x onerror=alert(1)>'.csv", 2, Instant.parse("2026-11-25T09:30:00Z"));

        NoticeMail mail = NoticeMail.about(hostile, ALICE, 1, "http://app/?a=1&b=2");

        assertFalse(mail.subject().contains("\n") || mail.subject().contains("\r"), mail.subject());
        assertFalse(mail.html().contains("<img"), mail.html());
        assertTrue(mail.html().contains("&lt;img src=x onerror=alert(1)&gt;&#39;.csv"), mail.html());
        assertTrue(mail.html().contains("href=\"http://app/?a=1&amp;b=2\""));
    }

    @Test
    void english_and_swedish_have_the_same_sentences_and_each_formats() throws IOException {
        Properties english = bundle("");
        Properties swedish = bundle("_sv");
        assertEquals(english.stringPropertyNames(), swedish.stringPropertyNames());
        for (Properties texts : new Properties[] {english, swedish}) {
            for (String key : texts.stringPropertyNames()) {
                String pattern = texts.getProperty(key);
                assertFalse(pattern.replace("''", "").contains("'"), key + " has a lone quote: " + pattern);
                new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {1L, 2L, 3L, 4L});
            }
        }
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = NoticeMailTest.class.getResourceAsStream("NoticeMails" + suffix + ".properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
