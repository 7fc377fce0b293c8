package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The super admins this server has recorded already, with the address it recorded: no write per request. */
@ApplicationScoped
public class SeenSuperAdmins {

    private static final String NO_ADDRESS = "";

    private final Map<String, String> recorded = new ConcurrentHashMap<>();

    public boolean isKnown(String admin, String email) {
        return Objects.equals(recorded.get(admin), email == null ? NO_ADDRESS : email);
    }

    public void remember(String admin, String email) {
        recorded.put(admin, email == null ? NO_ADDRESS : email);
    }
}
