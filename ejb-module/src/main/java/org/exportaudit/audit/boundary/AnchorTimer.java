package org.exportaudit.audit.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.exportaudit.audit.control.ChainAnchors;

/**
 * Every hour, the chain's head is published (unless it is an anchor already). Persistent: in a
 * cluster each hour's anchor comes from one node, and an hour missed while the server was down is
 * made up at start.
 */
@Singleton
@DependsOn("SchemaMigrations") // a run before the schema is migrated would find no chain
@DenyAll // only the container calls it
public class AnchorTimer {

    @Inject
    ChainAnchors anchors;

    @Schedule(hour = "*", minute = "0", persistent = true, info = "export-audit audit anchor")
    void anchor() {
        anchors.publishIfChanged();
    }
}
