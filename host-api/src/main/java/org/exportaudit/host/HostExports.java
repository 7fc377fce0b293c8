package org.exportaudit.host;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import org.exportaudit.client.DecisionOutsideKeycloak;
import org.exportaudit.client.ExportAwaitingApproval;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.ExportsLocal;
import org.exportaudit.client.ExportsRemote;
import org.exportaudit.client.Roles;
import org.exportaudit.export.boundary.Exports;

/**
 * The same exports, with the same role rules, for host applications: other deployments on the
 * server and remote EJB clients.
 *
 * <p>Its own bean because of who the callers are. The pages and the REST API run in the virtual
 * security domain that OIDC gives this EAR, which no other deployment's identity reaches; host
 * applications sign their users in through the server's security domains. So this bean runs in
 * the domain mapped to {@code export-audit-api} ({@code META-INF/jboss-ejb3.xml} of this module;
 * the operator points it at the enterprise's domain in {@code server-config/cli/ejb-api.cli}), and
 * the roles {@code export} and {@code super-admin} come from there.
 *
 * <p>It is a Maven module of its own, and an EJB jar of its own in the EAR,
 * {@code export-audit-host-api.jar}: WildFly gives all the EJBs of a jar one security domain, and
 * every bean of ejb-module must stay in the OIDC virtual domain. A web module would not do
 * either: its EJBs take the web's domain.
 */
@Stateless
@Local(ExportsLocal.class)
@Remote(ExportsRemote.class)
public class HostExports extends Exports implements ExportsLocal, ExportsRemote {

    /**
     * As for the pages and the API, except that an export held for approval is reported by an
     * exception of its own: a host that expects a running export must not mistake a waiting one
     * for it. The export exists (the exception commits it).
     *
     * @throws ExportAwaitingApproval when an export policy holds it for a super admin's approval
     */
    @Override
    @RolesAllowed({Roles.EXPORT, Roles.SUPER_ADMIN}) // as Exports: its class's roles do not reach a method declared here
    public ExportView start(ExportRequest request) {
        ExportView export = super.start(request);
        if (export.isAwaitingApproval()) {
            throw new ExportAwaitingApproval(export);
        }
        return export;
    }

    /**
     * Refused: a super admin approves on the pages or through the REST API, as their Keycloak identity.
     * Four eyes compares the decider with the requester by name, and this bean's caller is a principal of
     * another security domain ({@code export-audit-api}): nothing here ties its name to a Keycloak user, so
     * one person could request as their Keycloak user and approve as a host user of another name. Requests,
     * records and withdrawals stay (each is the caller's own act, under the name the log shows).
     *
     * @throws DecisionOutsideKeycloak always (to super admins; others are refused for want of the role)
     */
    @Override
    @RolesAllowed(Roles.SUPER_ADMIN) // as Exports: the role is checked first, so an exporter learns no more than before
    public ExportView approve(long id) {
        throw new DecisionOutsideKeycloak(id);
    }

    /** Refused, as {@link #approve}. @throws DecisionOutsideKeycloak always */
    @Override
    @RolesAllowed(Roles.SUPER_ADMIN)
    public ExportView deny(long id, String reason) {
        throw new DecisionOutsideKeycloak(id);
    }
}
