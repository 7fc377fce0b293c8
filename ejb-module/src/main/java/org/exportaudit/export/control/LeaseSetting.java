package org.exportaudit.export.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.exportaudit.export.entity.Lease;
import org.exportaudit.platform.Settings;

/** The lease of this server's exports, as configured ({@code export-audit.lease.seconds}); read once. */
@ApplicationScoped
public class LeaseSetting {

    @Inject
    Settings settings;

    private Lease lease;

    @PostConstruct
    void read() {
        lease = new Lease(settings.get(Settings.LEASE));
    }

    @Produces
    Lease lease() {
        return lease;
    }
}
