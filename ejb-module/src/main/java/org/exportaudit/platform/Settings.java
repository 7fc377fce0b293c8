package org.exportaudit.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every setting of the application, read here and nowhere else, from the server's system properties
 * ({@code -P file.properties}, {@code -D}, the CLI's {@code /system-property}); the table in the docs
 * lists the same. {@link SettingsCheck} reads them all when the application starts, so that a value
 * that is not accepted stops the deployment with the property's name and what it accepts, rather
 * than governing exports by a rule nobody meant. Each read reads the property again: an operator may
 * change one on a running server (the mail's retries are read on each use).
 *
 * <p>Not MicroProfile Config, although the server has it: its values would pass its expression
 * expansion, and whether it sees a system property changed on a running server is its sources'
 * business; system properties are what the server's configuration has always set.
 */
@ApplicationScoped
public class Settings {

    public static final Setting<Duration> DOWNLOAD_DAYS = Setting.days("export-audit.download-days", 30);
    public static final Setting<Duration> AUDIT_RETENTION_DAYS = Setting.days("export-audit.audit-retention-days", 730);
    public static final Setting<Duration> LEASE = Setting.seconds("export-audit.lease.seconds", 15, 2, 3_600);
    public static final Setting<Duration> LEASE_HEARTBEAT = Setting.period("export-audit.lease.heartbeat",
            Duration.ofSeconds(1));
    public static final Setting<Duration> TAKEOVER_PERIOD = Setting.period("export-audit.lease.takeover-period",
            Duration.ofSeconds(5));
    public static final Setting<Duration> APPROVAL_EXPIRY = Setting.duration("export-audit.approval.expiry",
            Duration.ofHours(72), Duration.ofMinutes(1), Duration.ofDays(31));
    public static final Setting<Duration> STEP_UP_MAX_AGE = Setting.duration("export-audit.step-up.max-age",
            Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofHours(12));
    public static final Setting<Integer> MAIL_ATTEMPTS = Setting.number("export-audit.mail.attempts", 8, 1);
    public static final Setting<Duration> MAIL_FIRST_RETRY = Setting.wait("export-audit.mail.first-retry",
            Duration.ofSeconds(5));
    public static final Setting<Duration> MAIL_LONGEST_RETRY = Setting.wait("export-audit.mail.longest-retry",
            Duration.ofMinutes(10));
    public static final Setting<Duration> OUTBOX_PERIOD = Setting.period("export-audit.mail.outbox-period",
            Duration.ofSeconds(10));
    public static final Setting<Duration> MAIL_CLAIM_TIMEOUT = Setting.wait("export-audit.mail.claim-timeout",
            Duration.ofMinutes(5));
    public static final Setting<Duration> SIEM_FIRST_RETRY = Setting.wait("export-audit.siem.first-retry",
            Duration.ofSeconds(1));
    public static final Setting<Duration> SIEM_LONGEST_RETRY = Setting.wait("export-audit.siem.longest-retry",
            Duration.ofMinutes(1));
    public static final Setting<Duration> STREAM_PERIOD = Setting.period("export-audit.siem.stream-period",
            Duration.ofSeconds(5));
    public static final Setting<Duration> CHAIN_PERIOD = Setting.period("export-audit.audit.chain-period",
            Duration.ofSeconds(5));
    public static final Setting<List<String>> SIEM_WEBHOOKS = Setting.list("export-audit.siem.webhooks",
            "comma-separated http:// or https:// URLs");
    public static final Setting<List<String>> SIEM_SYSLOG = Setting.list("export-audit.siem.syslog",
            "comma-separated tcp://host:port or tls://host:port");
    public static final Setting<URI> BASE_URL = Setting.url("export-audit.base-url",
            "http://127.0.0.1:8080/export-audit/");
    public static final Setting<Optional<Path>> EXPORT_DIR = Setting.path("export-audit.export-dir", "a folder");
    public static final Setting<Optional<Path>> SOURCES = Setting.path("export-audit.sources",
            "a file of source declarations");
    public static final Setting<List<String>> TRUSTED_PROXIES = Setting.list("export-audit.trusted-proxies",
            "comma-separated addresses or CIDR ranges");
    public static final Setting<Boolean> DEMO_RECORDS = Setting.flag("export-audit.demo-records");
    public static final Setting<Boolean> DEMO_HISTORY = Setting.flag("export-audit.demo-history");

    /** All of them, in the docs' order. */
    public static final List<Setting<?>> ALL = List.of(DOWNLOAD_DAYS, AUDIT_RETENTION_DAYS, LEASE, LEASE_HEARTBEAT,
            TAKEOVER_PERIOD, APPROVAL_EXPIRY, STEP_UP_MAX_AGE, MAIL_ATTEMPTS, MAIL_FIRST_RETRY, MAIL_LONGEST_RETRY,
            OUTBOX_PERIOD, MAIL_CLAIM_TIMEOUT, SIEM_FIRST_RETRY, SIEM_LONGEST_RETRY, STREAM_PERIOD, CHAIN_PERIOD,
            SIEM_WEBHOOKS, SIEM_SYSLOG, BASE_URL, EXPORT_DIR, SOURCES, TRUSTED_PROXIES,
            DEMO_RECORDS, DEMO_HISTORY);

    private final UnaryOperator<String> properties;

    public Settings() {
        this(System::getProperty);
    }

    /** Settings read from {@code properties} (a property's name to its text, or null) instead: for tests. */
    public Settings(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    /** @throws IllegalStateException naming the property, and what it accepts, when its value is not accepted */
    public <T> T get(Setting<T> setting) {
        return setting.read(properties.apply(setting.property()));
    }

    /** A backoff from two waits, the longest no shorter than the first. */
    public Backoff backoff(Setting<Duration> first, Setting<Duration> longest) {
        Duration firstWait = get(first);
        Duration longestWait = get(longest);
        if (longestWait.compareTo(firstWait) < 0) {
            throw new IllegalStateException(longest.property() + " must be no shorter than " + first.property()
                    + " (" + firstWait + "), not '" + longestWait + "'");
        }
        return new Backoff(firstWait, longestWait);
    }

    /** A node renews its leases more often than they run out, or another node takes its exports over. */
    private void heartbeatWithinLease() {
        Duration heartbeat = get(LEASE_HEARTBEAT);
        Duration lease = get(LEASE);
        if (heartbeat.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalStateException(LEASE_HEARTBEAT.property() + " must be at most half of "
                    + LEASE.property() + " (" + lease + "), not '" + heartbeat + "'");
        }
    }

    /** Reads every setting. @throws IllegalStateException listing every value that is not accepted */
    public void check() {
        List<String> wrong = new ArrayList<>();
        for (Setting<?> setting : ALL) {
            try {
                get(setting);
            } catch (IllegalStateException e) {
                wrong.add(e.getMessage());
            }
        }
        if (wrong.isEmpty()) {
            for (Runnable pair : List.<Runnable>of(() -> backoff(MAIL_FIRST_RETRY, MAIL_LONGEST_RETRY),
                    () -> backoff(SIEM_FIRST_RETRY, SIEM_LONGEST_RETRY), this::heartbeatWithinLease)) {
                try {
                    pair.run();
                } catch (IllegalStateException e) {
                    wrong.add(e.getMessage());
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The server's configuration has values the application does not accept: "
                    + String.join("; ", wrong));
        }
    }
}
