package org.exportaudit.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The EAR as built, deployed on the test server by the first {@link DeployedOnce} class and left there
 * for the next: a deployment costs some 4 s, and most test classes need nothing but the product as
 * operators deploy it. A class that deploys an EAR of its own (with a probe, or to undeploy it) has this
 * one undeployed first ({@link #makeWay}, as it builds its archive), since the two would share a name
 * and a context root; the classes that share it run first ({@link SharedDeploymentFirst}), so that it
 * is deployed once in a run.
 */
final class SharedDeployment implements BeforeAllCallback {

    private static final String NAME = "export-audit.ear";
    private static boolean deployed;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        deploy();
    }

    private static synchronized void deploy() throws Exception {
        if (!deployed) {
            Cli.run(Cli.TEST_SERVER, "deploy " + System.getProperty("export-audit.ear") + " --name=" + NAME);
            deployed = true;
        }
    }

    /** Undeploys the shared EAR, if it is there, for a test class's own deployment. */
    static synchronized void makeWay() {
        if (deployed) {
            try {
                Cli.run(Cli.TEST_SERVER, "undeploy " + NAME);
            } catch (Exception e) {
                throw new IllegalStateException("the shared deployment did not go", e);
            }
            deployed = false;
        }
    }
}
