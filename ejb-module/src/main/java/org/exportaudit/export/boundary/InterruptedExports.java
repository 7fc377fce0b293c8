package org.exportaudit.export.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.exportaudit.export.control.ExportUpdates;

/**
 * Crash recovery. An export whose server died while it ran would otherwise stay PROCESSING
 * forever: at start, every export still in progress is marked FAILED (interrupted) and its partial
 * file removed. The user starts it again; a fresh file is simpler to trust than a resumed one.
 * This assumes one server runs the exports of its database.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class InterruptedExports {

    private static final Logger LOG = Logger.getLogger(InterruptedExports.class.getName());

    static final String REASON = "Interrupted: the server stopped while the export was running.";

    @Inject
    ExportUpdates progress;

    @PostConstruct
    void failInterrupted() {
        List<Long> interrupted = progress.interrupted();
        interrupted.forEach(id -> progress.abandoned(id, REASON));
        if (!interrupted.isEmpty()) {
            LOG.warning(() -> "Marked " + interrupted.size() + " interrupted export(s) as failed: " + interrupted);
        }
    }
}
