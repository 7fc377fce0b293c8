package org.exportaudit.siem.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exportaudit.platform.Backoff;
import org.exportaudit.platform.Settings;

/**
 * Where the audit trail streams to, read once from the server's settings:
 * {@value #WEBHOOKS}, comma-separated http(s) URLs that take CloudEvents, and {@value #SYSLOG},
 * comma-separated {@code tcp://host:port} or {@code tls://host:port} syslog collectors. Neither set:
 * nothing is streamed. A value that is not a usable address stops the deployment, rather than
 * leaving the security team without the stream they were promised and nobody the wiser. A receiver that fails is tried again after {@code export-audit.siem.first-retry}
 * (1 s), doubling up to {@code export-audit.siem.longest-retry} (1 min).
 */
@ApplicationScoped
public class SiemSettings {

    public static final String WEBHOOKS = "export-audit.siem.webhooks";
    public static final String SYSLOG = "export-audit.siem.syslog";

    @Inject
    Settings settings;

    private List<URI> webhooks;
    private List<URI> collectors;
    private String source;
    private Backoff retries;

    @PostConstruct
    void read() {
        webhooks = webhooks(settings.get(Settings.SIEM_WEBHOOKS));
        collectors = collectors(settings.get(Settings.SIEM_SYSLOG));
        source = source(settings.get(Settings.BASE_URL).toString());
        retries = settings.backoff(Settings.SIEM_FIRST_RETRY, Settings.SIEM_LONGEST_RETRY);
    }

    public List<URI> webhooks() {
        return webhooks;
    }

    public List<URI> collectors() {
        return collectors;
    }

    /** The CloudEvents' source: the application as its users reach it, the same on every node. */
    public String source() {
        return source;
    }

    /** How long a failing receiver waits before it is tried again. */
    public Backoff retries() {
        return retries;
    }

    static List<URI> webhooks(String configured) {
        return webhooks(entries(configured));
    }

    private static List<URI> webhooks(List<String> entries) {
        List<URI> webhooks = new ArrayList<>();
        for (String entry : entries) {
            URI uri = parsed(WEBHOOKS, entry);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getFragment() != null) {
                throw new IllegalStateException(WEBHOOKS + " takes http:// or https:// URLs, not '" + redacted(uri) + "'");
            }
            webhooks.add(uri);
        }
        return List.copyOf(webhooks);
    }

    static List<URI> collectors(String configured) {
        return collectors(entries(configured));
    }

    private static List<URI> collectors(List<String> entries) {
        List<URI> collectors = new ArrayList<>();
        for (String entry : entries) {
            URI uri = parsed(SYSLOG, entry);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("tls") || uri.getHost() == null || uri.getPort() < 1
                    || uri.getRawUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null) {
                throw new IllegalStateException(SYSLOG + " takes tcp://host:port or tls://host:port, not '" + redacted(uri) + "'");
            }
            collectors.add(uri);
        }
        return List.copyOf(collectors);
    }

    static String source(String baseUrl) {
        String base = baseUrl.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static List<String> entries(String configured) {
        return Settings.SIEM_WEBHOOKS.read(configured);
    }

    private static URI parsed(String property, String entry) {
        try {
            return new URI(entry);
        } catch (URISyntaxException e) {
            // the message would repeat the entry, and with it any password in it
            throw new IllegalStateException(property + " has an entry that is not a URL (at index " + e.getIndex() + ")");
        }
    }

    /**
     * An entry for a message, webhook or collector alike: without its user information and query, which may hold
     * credentials. The one rule for both, so that a new kind of entry cannot echo a password the others hide.
     */
    private static String redacted(URI uri) {
        return uri.getHost() == null ? "(no host)" : Webhook.withoutUserInfo(uri, null).toString();
    }
}
