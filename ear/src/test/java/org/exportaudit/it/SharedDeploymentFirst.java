package org.exportaudit.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the test classes (junit-platform.properties): those that share the deployed EAR
 * ({@link DeployedOnce}) first, then those that deploy their own, each group in alphabetical order —
 * the same order on every machine, and the shared EAR deployed once.
 */
public class SharedDeploymentFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor test) -> !test.isAnnotated(DeployedOnce.class))
                .thenComparing(test -> test.getTestClass().getName()));
    }
}
