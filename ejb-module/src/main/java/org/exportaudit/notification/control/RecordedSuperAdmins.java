package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.exportaudit.notification.entity.KnownSuperAdmin;

/** The super admins this server has recorded already, with their account as recorded: no write per request. */
@ApplicationScoped
public class RecordedSuperAdmins {

    private final Map<String, KnownSuperAdmin.Account> recorded = new ConcurrentHashMap<>();

    public boolean isKnown(String admin, KnownSuperAdmin.Account account) {
        return account.equals(recorded.get(admin));
    }

    public void remember(String admin, KnownSuperAdmin.Account account) {
        recorded.put(admin, account);
    }
}
