package org.exportaudit.siem.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exportaudit.client.Roles;
import org.exportaudit.siem.control.DeliveryCursors;
import org.exportaudit.siem.control.Outlet;
import org.exportaudit.siem.entity.AuditDelivery;
import org.exportaudit.siem.view.ReceiverView;

/**
 * The configured SIEM receivers and how far each has got, so that a super admin sees one that keeps
 * failing — before the security team misses its records. A receiver no longer configured keeps its
 * cursor (it resumes there if configured again) but is not listed.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class AuditReceivers {

    @Inject
    AuditStream stream;

    @Inject
    DeliveryCursors cursors;

    /** In the order of the settings: the webhooks, then the syslog collectors. */
    public List<ReceiverView> all() {
        long head = cursors.head();
        Map<String, AuditDelivery> deliveries = cursors.all().stream()
                .collect(Collectors.toMap(AuditDelivery::receiver, Function.identity()));
        return stream.outlets().stream().map(outlet -> view(outlet, deliveries.get(outlet.name()), head)).toList();
    }

    /** A receiver without a cursor yet (its first run has not made it) starts at the head: nothing behind. */
    private static ReceiverView view(Outlet outlet, AuditDelivery delivery, long head) {
        String kind = outlet.kind().name().toLowerCase(Locale.ROOT);
        if (delivery == null) {
            return new ReceiverView(outlet.name(), kind, head, 0, null, 0, null, null);
        }
        return new ReceiverView(outlet.name(), kind, delivery.deliveredSeq(), Math.max(0, head - delivery.deliveredSeq()),
                delivery.failingSince(), delivery.attempts(), delivery.lastError(), delivery.nextAttemptAt());
    }
}
