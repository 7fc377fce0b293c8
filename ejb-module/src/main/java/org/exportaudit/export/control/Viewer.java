package org.exportaudit.export.control;

import jakarta.ejb.SessionContext;
import org.exportaudit.client.Roles;
import org.exportaudit.export.entity.Export;

/**
 * Who is looking at exports: a user by name, and whether a super admin, who sees every export. Exporters see their
 * own; for them anyone else's does not exist ({@link Export#isVisibleTo}).
 */
public record Viewer(String name, boolean superAdmin) {

    /** The caller of the boundary bean whose {@code session} this is. */
    public static Viewer of(SessionContext session) {
        return new Viewer(session.getCallerPrincipal().getName(), session.isCallerInRole(Roles.SUPER_ADMIN));
    }

    /** The exporter whose own exports a list shows; null for a super admin, who sees everyone's. */
    public String onlyOwn() {
        return superAdmin ? null : name;
    }

    public boolean sees(Export export) {
        return export.isVisibleTo(name, superAdmin);
    }
}
