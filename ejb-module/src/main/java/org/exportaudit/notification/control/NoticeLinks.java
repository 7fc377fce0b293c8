package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.exportaudit.platform.Settings;

/**
 * Links in notices point at the application as its users reach it: the setting
 * {@code export-audit.base-url}, by default the demo's {@code http://127.0.0.1:8080/export-audit/}.
 */
@ApplicationScoped
public class NoticeLinks {

    @Inject
    Settings settings;

    public String toExport(long exportId) {
        return base() + "log/" + exportId;
    }

    /** The application's address, ending in {@code /}. */
    public String base() {
        String base = settings.get(Settings.BASE_URL).toString();
        return base.endsWith("/") ? base : base + "/";
    }
}
