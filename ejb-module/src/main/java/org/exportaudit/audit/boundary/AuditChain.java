package org.exportaudit.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.exportaudit.audit.control.ChainAnchors;
import org.exportaudit.audit.control.ChainVerifier;
import org.exportaudit.audit.view.AuditAnchor;
import org.exportaudit.audit.view.AuditVerdict;
import org.exportaudit.client.Roles;

/**
 * The audit chain for super admins: verify it, and publish its head (an anchor) to be kept
 * elsewhere — the SIEM receives it as a record of the trail, the server log prints it — so that a
 * rewrite of the whole table, hashes and all, is caught against a copy the rewriter cannot reach.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class AuditChain {

    @Resource(lookup = "java:jboss/datasources/ExportAuditDS")
    DataSource database;

    @Resource
    SessionContext session;

    @Inject
    ChainAnchors anchors;

    /**
     * Checks the whole chain in a read-only transaction of the verifier's own, one snapshot in which
     * PostgreSQL streams it instead of loading it: a million records take seconds.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditVerdict verify() {
        try (Connection connection = database.getConnection()) {
            return new ChainVerifier(connection, Map.of()).verify();
        } catch (SQLException e) {
            throw new IllegalStateException("The audit chain could not be read: " + e.getMessage(), e);
        }
    }

    /** Publishes the head now, as the caller. */
    public AuditAnchor anchor() {
        return anchors.publish(session.getCallerPrincipal().getName());
    }
}
