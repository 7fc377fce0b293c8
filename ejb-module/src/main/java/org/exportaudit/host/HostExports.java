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
 * the domain mapped to {@code export-audit-api} ({@code src/host-api/META-INF/jboss-ejb3.xml}; the
 * operator points it at the enterprise's domain in {@code server-config/cli/ejb-api.cli}), and the
 * roles {@code export} and {@code super-admin} come from there.
 *
 * <p>The build packs it into an EJB jar of its own, {@code export-audit-host-api.jar}: WildFly
 * gives all the EJBs of a module one security domain, and every other bean here must stay in the
 * OIDC virtual domain. A web module would not do either: its EJBs take the web's domain.
 */
@Stateless
@Local(ExportsLocal.class)
@Remote(ExportsRemote.class)
public class HostExports extends Exports implements ExportsLocal, ExportsRemote {
}
