package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.exportaudit.notification.boundary.LargeExportThresholds;
import org.exportaudit.notification.entity.LargeExportThreshold;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the provisioned server, in a probe WAR added to the EAR as built: the persistence
 * unit, the JPA provider and EJB security as the application itself gets them.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Inject
    LargeExportThresholds thresholds;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(PlatformIT.class);
    }

    @Test
    void the_persistence_provider_is_eclipselink_with_woven_entities() {
        String provider = em.getDelegate().getClass().getName();
        assertTrue(provider.startsWith("org.eclipse.persistence."), "JPA provider is " + provider);

        boolean woven = Arrays.stream(LargeExportThreshold.class.getInterfaces())
                .anyMatch(type -> type.getName().equals("org.eclipse.persistence.internal.weaving.PersistenceWeaved"));
        assertTrue(woven, "entities are statically woven by the build");
    }

    @Test
    void an_entity_round_trips_through_the_database() throws Exception {
        Instant changedAt = Instant.parse("2026-11-24T10:15:30.123456Z");
        transaction.begin();
        em.persist(new LargeExportThreshold("round-trip-admin", 12_345, "admin@example.com", changedAt));
        transaction.commit();
        em.clear();

        transaction.begin();
        LargeExportThreshold stored = em.find(LargeExportThreshold.class, "round-trip-admin");
        assertEquals(12_345, stored.records());
        assertEquals(changedAt.truncatedTo(ChronoUnit.MICROS), stored.changedAt());
        em.remove(stored);
        transaction.commit();

        assertNull(em.find(LargeExportThreshold.class, "round-trip-admin"));
    }

    @Test
    void a_roles_allowed_ejb_refuses_a_caller_without_the_role() {
        assertThrows(EJBAccessException.class, () -> thresholds.ofCaller());
        assertThrows(EJBAccessException.class, () -> thresholds.change("5000", "mallory@example.com"));
    }
}
