package org.exportaudit.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.exportaudit.audit.control.ChainTrigger;
import org.exportaudit.platform.NodeTimer;
import org.exportaudit.platform.Settings;

/**
 * Every five seconds ({@code export-audit.audit.chain-period}), each node chains what a crash or a
 * failed run left pending (a record is chained right after its commit otherwise). Not persistent:
 * every node runs it, and chainers queue on the head's lock, so it is safe anywhere, and a run with
 * nothing pending is one indexed query.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations") // a run before the schema is migrated would find no tables
@DenyAll // only the container calls it
public class ChainTimer extends NodeTimer {

    @Inject
    ChainTrigger trigger;

    @PostConstruct
    void start() {
        every(Settings.CHAIN_PERIOD, "export-audit audit chaining");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch commits on its own
    void chain() {
        trigger.chainAll();
    }
}
