package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * An approval or a denial through the host EJB API: refused, because four eyes compares the requester
 * with the decider, and a host application's principal comes from another security domain, whose names
 * Export Audit cannot tie to Keycloak's users. A super admin decides on the pages or through the REST API,
 * as their Keycloak identity. Nothing changed. A type of its own because host applications catch it
 * ({@link ExportOperations#approve}).
 */
@ApplicationException(rollback = true)
public class DecisionOutsideKeycloak extends Refusal {

    private static final long serialVersionUID = 1L;

    public DecisionOutsideKeycloak(long id) {
        super(Kind.FORBIDDEN, "decision-outside-keycloak", "export.decision-outside-keycloak", id);
    }
}
