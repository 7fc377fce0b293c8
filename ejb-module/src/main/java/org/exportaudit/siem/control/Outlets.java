package org.exportaudit.siem.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exportaudit.platform.NodeName;

/**
 * The configured receivers, made once: their senders keep connections open between records. Two
 * entries that name the same receiver (URLs that differ only in credentials or query) would share
 * one delivery cursor and each get half the records: the deployment stops instead.
 */
@ApplicationScoped
public class Outlets {

    @Inject
    SiemSettings settings;

    @Inject
    NodeName node;

    private List<Outlet> all;

    @PostConstruct
    void open() {
        List<Outlet> outlets = new ArrayList<>();
        for (URI webhook : settings.webhooks()) {
            outlets.add(new Webhook(webhook, settings.source()));
        }
        for (URI collector : settings.collectors()) {
            outlets.add(new SyslogCollector(collector, node.value()));
        }
        Set<String> names = new HashSet<>();
        for (Outlet outlet : outlets) {
            if (!names.add(outlet.name())) {
                throw new IllegalStateException(outlet.name() + " is configured twice (" + SiemSettings.WEBHOOKS + ", "
                        + SiemSettings.SYSLOG + ")");
            }
        }
        all = List.copyOf(outlets);
    }

    public List<Outlet> all() {
        return all;
    }

    @PreDestroy
    void close() {
        all.forEach(Outlet::close);
    }
}
