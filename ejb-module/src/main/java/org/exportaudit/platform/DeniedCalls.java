package org.exportaudit.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Logger;

/**
 * Logs a call that the EJB security refused once, at INFO, without a stack trace: a denial is an
 * expected answer (the caller gets 403), not a server failure. A container interceptor
 * (META-INF/jboss-ejb3.xml), because those run before WildFly's security interceptor and so see
 * its refusal; WildFly's own ERROR log of it (WFLYEJB0034) is silenced by declaring
 * EJBAccessException an application exception (META-INF/ejb-jar.xml), which every other failure
 * is not: those still log as ERROR with their stack trace.
 */
public class DeniedCalls {

    private static final Logger LOG = Logger.getLogger(DeniedCalls.class.getName());

    @AroundInvoke
    Object logDenial(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (EJBAccessException denied) {
            LOG.info(() -> "Denied: " + call.getMethod().getDeclaringClass().getSimpleName() + "."
                    + call.getMethod().getName() + " (" + denied.getMessage() + ")");
            throw denied;
        }
    }
}
