package org.exportaudit.host;

import jakarta.ejb.Local;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import org.exportaudit.client.ExportsLocal;
import org.exportaudit.client.ExportsRemote;
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
}
