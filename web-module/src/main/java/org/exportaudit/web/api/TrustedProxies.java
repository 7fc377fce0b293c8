package org.exportaudit.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.exportaudit.platform.Settings;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code export-audit.trusted-proxies}), checked
 * when the web application starts: an entry that is no address or range stops the deployment with
 * the property's name, instead of failing every download's request.
 */
@ApplicationScoped
public class TrustedProxies {

    @Inject
    Settings settings;

    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        clientAddress();
    }

    /** Read on each request, as before: an operator may change the proxies on a running server. */
    ClientAddress clientAddress() {
        return ClientAddress.trustingEach(settings.get(Settings.TRUSTED_PROXIES));
    }
}
