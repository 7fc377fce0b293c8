package org.exportaudit.web.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The node this server is in a cluster: WildFly's jboss.node.name, which every node is started with
 * (-Djboss.node.name=node-1); a single server's default is its host name. The pages' footer names it,
 * so that someone behind the balancer can tell which node served them.
 */
@Named
@ApplicationScoped
public class ServingNode {

    public static String name() {
        return System.getProperty("jboss.node.name", "unnamed");
    }

    public String getName() {
        return name();
    }
}
