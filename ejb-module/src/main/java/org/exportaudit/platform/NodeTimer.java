package org.exportaudit.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * A bean with timers of this node alone, every period a setting gives: what
 * {@code @Schedule(persistent = false)} was, whose period is fixed in code. Not persistent, so not in
 * the cluster's timer store: each start creates them afresh, and they go when the application stops;
 * nothing piles up. The persistent timers that the cluster shares (retention, approval expiry,
 * anchors) stay {@code @Schedule}: a timer made at start would be made again by every node on every
 * start.
 */
public abstract class NodeTimer {

    @Resource
    TimerService timers;

    @Inject
    Settings settings;

    /** Starts this bean's {@code @Timeout} every {@code period}, the first after one period; call it at start. */
    protected void every(Setting<Duration> period, String info) {
        long millis = settings.get(period).toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig(info, false));
    }
}
