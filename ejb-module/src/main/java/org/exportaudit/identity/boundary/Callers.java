package org.exportaudit.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.stream.Stream;
import org.exportaudit.client.Roles;
import org.exportaudit.identity.entity.Caller;

/** Answers "who am I" for any signed-in user, whatever their roles. */
@Stateless
@PermitAll
public class Callers {

    @Resource
    SessionContext session;

    public Caller current() {
        List<String> roles = Stream.of(Roles.SUPER_ADMIN, Roles.EXPORT)
                .filter(session::isCallerInRole)
                .toList();
        return new Caller(session.getCallerPrincipal().getName(), roles);
    }
}
