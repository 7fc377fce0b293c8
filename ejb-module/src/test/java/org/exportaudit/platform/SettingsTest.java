package org.exportaudit.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each setting's default, what it accepts, and the message that stops a deployment on what it does not. */
class SettingsTest {

    private static final Settings NOTHING_SET = new Settings(property -> null);

    private static Settings with(String property, String value) {
        return new Settings(Map.of(property, value)::get);
    }

    private static <T> T read(Setting<T> setting, String value) {
        return with(setting.property(), value).get(setting);
    }

    private static String refusal(Setting<?> setting, String value) {
        return assertThrows(IllegalStateException.class, () -> with(setting.property(), value).get(setting))
                .getMessage();
    }

    @Test
    void what_nobody_set_is_its_default() {
        assertEquals(Duration.ofDays(30), NOTHING_SET.get(Settings.DOWNLOAD_DAYS));
        assertEquals(Duration.ofDays(730), NOTHING_SET.get(Settings.AUDIT_RETENTION_DAYS));
        assertEquals(Duration.ofSeconds(15), NOTHING_SET.get(Settings.LEASE));
        assertEquals(Duration.ofSeconds(1), NOTHING_SET.get(Settings.LEASE_HEARTBEAT));
        assertEquals(Duration.ofSeconds(5), NOTHING_SET.get(Settings.TAKEOVER_PERIOD));
        assertEquals(Duration.ofSeconds(10), NOTHING_SET.get(Settings.OUTBOX_PERIOD));
        assertEquals(Duration.ofSeconds(5), NOTHING_SET.get(Settings.STREAM_PERIOD));
        assertEquals(Duration.ofSeconds(5), NOTHING_SET.get(Settings.CHAIN_PERIOD));
        assertEquals(Duration.ofHours(72), NOTHING_SET.get(Settings.APPROVAL_EXPIRY));
        assertEquals(Duration.ofMinutes(5), NOTHING_SET.get(Settings.STEP_UP_MAX_AGE));
        assertEquals(8, NOTHING_SET.get(Settings.MAIL_ATTEMPTS));
        assertEquals(new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10)),
                NOTHING_SET.backoff(Settings.MAIL_FIRST_RETRY, Settings.MAIL_LONGEST_RETRY));
        assertEquals(Duration.ofMinutes(5), NOTHING_SET.get(Settings.MAIL_CLAIM_TIMEOUT));
        assertEquals(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)),
                NOTHING_SET.backoff(Settings.SIEM_FIRST_RETRY, Settings.SIEM_LONGEST_RETRY));
        assertEquals(List.of(), NOTHING_SET.get(Settings.SIEM_WEBHOOKS));
        assertEquals(List.of(), NOTHING_SET.get(Settings.SIEM_SYSLOG));
        assertEquals(URI.create("http://127.0.0.1:8080/export-audit/"), NOTHING_SET.get(Settings.BASE_URL));
        assertEquals(Optional.empty(), NOTHING_SET.get(Settings.EXPORT_DIR));
        assertEquals(Optional.empty(), NOTHING_SET.get(Settings.SOURCES));
        assertEquals(List.of(), NOTHING_SET.get(Settings.TRUSTED_PROXIES));
        assertFalse(NOTHING_SET.get(Settings.DEMO_RECORDS));
        assertFalse(NOTHING_SET.get(Settings.DEMO_HISTORY));
        NOTHING_SET.check();
    }

    @Test
    void a_blank_value_is_the_default_and_values_are_read_without_their_spaces() {
        assertEquals(Duration.ofSeconds(15), read(Settings.LEASE, " "));
        assertEquals(Duration.ofSeconds(5), read(Settings.LEASE, " 5 "));
        assertEquals(Duration.ofSeconds(20), read(Settings.STEP_UP_MAX_AGE, "PT20S"));
        assertEquals(Duration.ofMillis(200), read(Settings.MAIL_FIRST_RETRY, "PT0.2S"));
        assertEquals(List.of("10.0.0.5", "192.168.0.0/16"),
                read(Settings.TRUSTED_PROXIES, "10.0.0.5, 192.168.0.0/16,"));
        assertTrue(read(Settings.DEMO_RECORDS, "TRUE"));
        assertEquals(Optional.of(Path.of("/srv/exports")),
                read(Settings.EXPORT_DIR, "/srv/exports"));
    }

    @Test
    void a_value_it_does_not_accept_is_refused_naming_the_property_what_it_accepts_and_the_value() {
        assertEquals("export-audit.download-days must be a whole number of days from 1 to 36500, not '0'",
                refusal(Settings.DOWNLOAD_DAYS, "0"));
        assertEquals(
                "export-audit.audit-retention-days must be a whole number of days from 1 to 36500, not 'two years'",
                refusal(Settings.AUDIT_RETENTION_DAYS, "two years"));
        assertEquals("export-audit.lease.seconds must be a whole number of seconds from 2 to 3600, not '0'",
                refusal(Settings.LEASE, "0"));
        assertEquals("export-audit.lease.seconds must be a whole number of seconds from 2 to 3600, not 'soon'",
                refusal(Settings.LEASE, "soon"));
        assertEquals("export-audit.approval.expiry must be an ISO-8601 duration from PT1M to PT744H, not 'P32D'",
                refusal(Settings.APPROVAL_EXPIRY, "P32D"));
        assertEquals("export-audit.step-up.max-age must be an ISO-8601 duration from PT10S to PT12H, not '5m'",
                refusal(Settings.STEP_UP_MAX_AGE, "5m"));
        assertEquals("export-audit.mail.attempts must be a whole number from 1, not '0'",
                refusal(Settings.MAIL_ATTEMPTS, "0"));
        assertEquals("export-audit.mail.first-retry must be an ISO-8601 duration of PT0S or more, not '-PT1S'",
                refusal(Settings.MAIL_FIRST_RETRY, "-PT1S"));
        assertEquals("export-audit.siem.longest-retry must be an ISO-8601 duration of PT0S or more, not 'a minute'",
                refusal(Settings.SIEM_LONGEST_RETRY, "a minute"));
        assertEquals("export-audit.base-url must be an http:// or https:// URL, not 'crm.example.com'",
                refusal(Settings.BASE_URL, "crm.example.com"));
        assertEquals("export-audit.mail.outbox-period must be an ISO-8601 duration from PT0.1S to PT1H, not 'PT0S'",
                refusal(Settings.OUTBOX_PERIOD, "PT0S"));
        assertEquals("export-audit.demo-history must be true or false, not 'yes'",
                refusal(Settings.DEMO_HISTORY, "yes"));
    }

    @Test
    void a_backoff_whose_longest_wait_is_shorter_than_its_first_is_refused_naming_both() {
        Settings settings = new Settings(Map.of("export-audit.siem.first-retry", "PT2M")::get);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> settings.backoff(Settings.SIEM_FIRST_RETRY, Settings.SIEM_LONGEST_RETRY));

        assertEquals("export-audit.siem.longest-retry must be no shorter than export-audit.siem.first-retry (PT2M),"
                + " not 'PT1M'", refused.getMessage());
    }

    @Test
    void the_start_up_check_names_every_value_it_does_not_accept() {
        Settings settings = new Settings(Map.of("export-audit.download-days", "-1", "export-audit.mail.attempts",
                "many")::get);

        String message = assertThrows(IllegalStateException.class, settings::check).getMessage();

        assertTrue(message.contains("export-audit.download-days must be a whole number of days"), message);
        assertTrue(message.contains("export-audit.mail.attempts must be a whole number from 1, not 'many'"), message);
    }

    @Test
    void the_start_up_check_refuses_mail_retries_that_shrink() {
        Settings settings = new Settings(Map.of("export-audit.mail.first-retry", "PT20M")::get);

        String message = assertThrows(IllegalStateException.class, settings::check).getMessage();

        assertTrue(message.contains("export-audit.mail.longest-retry must be no shorter than"), message);
    }

    @Test
    void a_heartbeat_longer_than_half_the_lease_is_refused_naming_both() {
        Settings settings = new Settings(Map.of("export-audit.lease.seconds", "4", "export-audit.lease.heartbeat",
                "PT3S")::get);

        String message = assertThrows(IllegalStateException.class, settings::check).getMessage();

        assertTrue(message.contains("export-audit.lease.heartbeat must be at most half of export-audit.lease.seconds"
                + " (PT4S), not 'PT3S'"), message);
        new Settings(Map.of("export-audit.lease.seconds", "2", "export-audit.lease.heartbeat", "PT1S")::get).check();
    }

    @Test
    void every_setting_has_a_row_with_its_default_in_the_docs_table() throws IOException {
        String docs = docs();
        for (Setting<?> setting : Settings.ALL) {
            String row = docs.lines().filter(line -> line.startsWith("| `" + setting.property() + "` |"))
                    .findFirst().orElse(null);
            assertTrue(row != null, setting.property() + " has no row in the settings table of README.md or docs/");
            if (setting.byDefault() != null) {
                assertTrue(row.contains("`" + setting.byDefault() + "`"),
                        setting.property() + "'s row names its default " + setting.byDefault() + ": " + row);
            }
        }
    }

    /** README.md and docs/*.md: the table may move between them. */
    private static String docs() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        StringBuilder text = new StringBuilder(Files.readString(root.resolve("README.md")));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".md")).toList()) {
                    text.append('\n').append(Files.readString(file));
                }
            }
        }
        return text.toString();
    }
}
