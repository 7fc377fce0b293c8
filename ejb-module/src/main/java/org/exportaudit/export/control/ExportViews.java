package org.exportaudit.export.control;

import java.time.Instant;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.client.ExportView;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportStatus;

/** The one mapping of an export to the view callers see (REST, pages, host API). */
public final class ExportViews {

    private ExportViews() {
    }

    /** The export as callers see it at {@code now}: downloadable or not as the entity says, within {@code window}. */
    public static ExportView of(Export export, Instant now, DownloadWindow window) {
        return new ExportView(export.id() == null ? 0 : export.id(), export.fileName(), export.source(),
                export.format().name(), export.records(), export.written(), export.requestedBy(),
                export.requestedAt(), export.status().name(), export.endedAt(), export.file().size(), export.file().sha256(),
                export.cancelledBy(), ExportFailure.parse(export.failure()), export.isDownloadable(now, window),
                export.isInProgress() ? export.lease().node() : null, export.policy(), export.policyTerms(),
                export.approval().decidedBy(), export.approval().decidedAt(), reason(export),
                export.isAwaitingApproval() || export.status() == ExportStatus.EXPIRED ? export.approval().awaitingUntil() : null);
    }

    /** The view's one reason, as callers have always read it: a denial's reason, or a block's message. */
    private static String reason(Export export) {
        return switch (export.status()) {
            case DENIED -> export.approval().denialReason();
            case BLOCKED -> export.blockMessage();
            default -> null;
        };
    }
}
