package org.exportaudit.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that calls the product from outside — its REST API, its pages in a browser — on the EAR
 * as built, deployed once on the test server for every such class ({@link SharedDeployment}) instead
 * of once per class. It has no {@code @Deployment} of its own; Arquillian starts the server.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(SharedDeployment.class)
@RunAsClient
@interface DeployedOnce {
}
