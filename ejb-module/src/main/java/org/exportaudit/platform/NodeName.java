package org.exportaudit.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The name of this server in its cluster: WildFly's {@code jboss.node.name}, which each node of a
 * cluster is given (and which is the host name when nobody set it). Exports in progress are owned by
 * a node by this name, and their partial files carry it.
 */
@ApplicationScoped
public class NodeName {

    static final String PROPERTY = "jboss.node.name";

    private final String name = System.getProperty(PROPERTY, "localhost");

    public String value() {
        return name;
    }

    /** The name as a file name's part: letters, digits, '-' and '_' stay, anything else becomes '_'. */
    public String inFileName() {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    @Override
    public String toString() {
        return name;
    }
}
