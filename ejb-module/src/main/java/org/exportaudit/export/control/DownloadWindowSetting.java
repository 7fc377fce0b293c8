package org.exportaudit.export.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.platform.Settings;

/**
 * The download window as the server's configuration sets it, read once: {@code export-audit.download-days},
 * default 30 days. Inject {@link DownloadWindow} where it is needed.
 */
@ApplicationScoped
public class DownloadWindowSetting {

    @Inject
    Settings settings;

    private DownloadWindow window;

    @PostConstruct
    void read() {
        window = new DownloadWindow(settings.get(Settings.DOWNLOAD_DAYS));
    }

    @Produces
    DownloadWindow window() {
        return window;
    }
}
