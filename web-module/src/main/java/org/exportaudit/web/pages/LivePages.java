package org.exportaudit.web.pages;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.export.boundary.ChangeMark;

/**
 * Tells the open pages the moment the export log or the notices change, so that the log and the bell
 * redraw themselves (the pages' {@code <f:websocket channel="changes">}) instead of asking every few
 * seconds. Each node looks at the shared mark twice a second and pushes to the browsers connected to
 * it: a change made on the other node of a cluster reaches them too. The push carries no data; each
 * page redraws what its own user may see.
 */
@ApplicationScoped
public class LivePages {

    private static final Logger LOG = Logger.getLogger(LivePages.class.getName());
    static final long EVERY_MILLISECONDS = 500;

    @Inject
    @Push(channel = "changes")
    PushContext changes;

    @Inject
    ChangeMark log;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> looking;
    private volatile String seen;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        looking = scheduler.scheduleWithFixedDelay(this::look, EVERY_MILLISECONDS, EVERY_MILLISECONDS, TimeUnit.MILLISECONDS);
    }

    void look() {
        try {
            String mark = log.mark();
            if (seen != null && !Objects.equals(seen, mark)) {
                changes.send("changed");
            }
            seen = mark;
        } catch (RuntimeException notNow) { // the database away for a moment: the next look tries again
            LOG.log(Level.FINE, "Could not see whether the export log changed", notNow);
        }
    }

    @PreDestroy
    void stop() {
        if (looking != null) {
            looking.cancel(false);
        }
    }
}
