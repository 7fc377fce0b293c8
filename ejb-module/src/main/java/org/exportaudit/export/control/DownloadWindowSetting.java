package org.exportaudit.export.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.platform.DaysSetting;

/**
 * The download window as the server's configuration sets it, read once: {@value #DOWNLOAD_DAYS},
 * default 30 days. Inject {@link DownloadWindow} where it is needed.
 */
@ApplicationScoped
public class DownloadWindowSetting {

    public static final String DOWNLOAD_DAYS = "export-audit.download-days";

    private DownloadWindow window;

    @PostConstruct
    void read() {
        window = new DownloadWindow(DaysSetting.read(DOWNLOAD_DAYS, 30));
    }

    @Produces
    DownloadWindow window() {
        return window;
    }
}
