package org.exportaudit.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Reads every setting when the application starts: a value it does not accept stops the deployment
 * with the property's name, instead of failing later, on the first export or mail that reads it.
 */
@Startup
@Singleton
@DenyAll // only the container calls it (at start): no other deployment may
public class SettingsCheck {

    @Inject
    Settings settings;

    @PostConstruct
    void check() {
        settings.check();
    }
}
