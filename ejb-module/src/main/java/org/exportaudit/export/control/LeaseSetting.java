package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.exportaudit.export.entity.Lease;

/** The lease of this server's exports, as configured ({@value Lease#PROPERTY}); read once. */
@ApplicationScoped
public class LeaseSetting {

    private final Lease lease = Lease.parse(System.getProperty(Lease.PROPERTY));

    @Produces
    Lease lease() {
        return lease;
    }
}
