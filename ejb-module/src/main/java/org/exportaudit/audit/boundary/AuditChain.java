package org.exportaudit.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.exportaudit.client.AuditAnchor;
import org.exportaudit.client.AuditVerdict;
import org.exportaudit.client.Roles;

/** Contract stub (issue 14): replaced by the core's version at the merge. */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class AuditChain {

    public AuditVerdict verify() {
        throw new UnsupportedOperationException("the core's AuditChain");
    }

    public AuditAnchor anchor() {
        throw new UnsupportedOperationException("the core's AuditChain");
    }
}
