package org.exportaudit.export.entity;

import java.util.Locale;
import org.exportaudit.client.Refusal;

/**
 * Who may approve, deny or withdraw an export that awaits approval: the export's rule, kept apart from its state
 * machine because the pages ask it too (through {@code export.view.Decider}), of a view rather than an export, and
 * a notice asking for approval goes to no one else. {@link Export} refuses by it; nothing else decides again.
 */
public final class Deciders {

    private Deciders() {
    }

    /**
     * Who may approve or deny an export that awaits approval, asked for by {@code requester}: a super admin, never
     * the one who asked for it (four eyes). {@link Export#approve} and {@link Export#deny} refuse by it; the pages
     * ask it which buttons to show (through {@code export.view.Decider}), and a notice asking for approval goes to
     * no one else. The host API takes no decisions at all ({@code HostExports}). Taking the requester's name, not
     * an export, so that what the pages hold (a view) is asked the same.
     */
    public static boolean mayBeDecided(String requester, String user, boolean superAdmin) {
        return superAdmin && !isSameUser(requester, user);
    }

    /** Who may withdraw an export that awaits approval, asked for by {@code requester}: that user alone. */
    public static boolean mayBeWithdrawn(String requester, String user) {
        return isSameUser(requester, user);
    }

    /**
     * Four eyes, once the export is known to wait: only super admins get here (the boundary's roles), so what is
     * left to refuse is the requester.
     */
    static void requireDecidableBy(String requester, String by, long exportId) {
        if (!mayBeDecided(requester, by, true)) {
            throw Refusal.forbidden("own-export", "export.own", exportId);
        }
    }

    /**
     * Whether two user names name the same user, as four eyes must tell: without case, as Keycloak compares its
     * user names (it keeps them in lower case, and signs "Alice" in as alice). So a request under one spelling of a
     * name is not approved under another: a host application's principal (the host EJB API runs in a security
     * domain of its own, whose names may be written in any case) against a Keycloak user's. The host API takes no
     * decisions at all (HostExports): a name of another domain that differs in more than case cannot be tied to a
     * Keycloak user here.
     */
    private static boolean isSameUser(String one, String other) {
        return one != null && other != null && one.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }
}
