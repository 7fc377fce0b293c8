package org.exportaudit.web.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.exportaudit.platform.NodeName;

/**
 * The node that serves the pages, by the name its exports are owned by ({@link NodeName}). The pages'
 * footer names it, so that someone behind the balancer can tell which node served them.
 */
@Named
@ApplicationScoped
public class ServingNode {

    @Inject
    NodeName node;

    public String getName() {
        return node.value();
    }
}
