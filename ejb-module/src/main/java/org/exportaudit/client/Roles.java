package org.exportaudit.client;

/**
 * The application roles, as host applications and deployment descriptors name them. They are the
 * Keycloak realm roles of the same names.
 */
public final class Roles {

    /** Sees all exports of the account, cancels them, reads download history, sets own threshold. */
    public static final String SUPER_ADMIN = "super-admin";

    /** Starts exports, sees and downloads own exports. */
    public static final String EXPORT = "export";

    private Roles() {
    }
}
