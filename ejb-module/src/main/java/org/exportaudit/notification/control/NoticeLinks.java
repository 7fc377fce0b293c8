package org.exportaudit.notification.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Links in notices point at the application as its users reach it: the system property
 * {@value #BASE_URL}, by default the demo's {@code http://127.0.0.1:8080/export-audit/}.
 */
@ApplicationScoped
public class NoticeLinks {

    static final String BASE_URL = "export-audit.base-url";

    public String toExport(long exportId) {
        return base() + "log/" + exportId;
    }

    /** The application's address, ending in {@code /}. */
    public String base() {
        String base = System.getProperty(BASE_URL, "http://127.0.0.1:8080/export-audit/");
        return base.endsWith("/") ? base : base + "/";
    }
}
