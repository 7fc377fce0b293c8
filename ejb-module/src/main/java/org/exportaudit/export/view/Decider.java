package org.exportaudit.export.view;

import java.io.Serializable;
import org.exportaudit.client.ExportView;
import org.exportaudit.export.entity.Deciders;

/**
 * A signed-in user, as the decisions on an export that awaits approval see them. The pages ask it which of approve,
 * deny and withdraw to offer on an export they show, and it answers by the export's own rule ({@link
 * Deciders#mayBeDecided}, {@link Deciders#mayBeWithdrawn}), the one approve, deny and withdraw refuse by: a page that
 * compared names itself would drift from the refusals (it once compared them with case, the refusals without).
 *
 * @param user the user's name, as signed in
 * @param superAdmin whether the user is a super admin
 */
public record Decider(String user, boolean superAdmin) implements Serializable {

    /** Whether the user may approve or deny it now: it waits, and the user is a super admin who did not ask for it. */
    public boolean mayDecide(ExportView export) {
        return export.isAwaitingApproval() && Deciders.mayBeDecided(export.user(), user, superAdmin);
    }

    /** Whether the user may withdraw it now: it waits, and the user asked for it. */
    public boolean mayWithdraw(ExportView export) {
        return export.isAwaitingApproval() && Deciders.mayBeWithdrawn(export.user(), user);
    }
}
