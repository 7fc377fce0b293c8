package org.exportaudit.audit.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.exportaudit.audit.control.ChainTrigger;

/**
 * Every five seconds, each node chains what a crash or a failed run left pending (a record is
 * chained right after its commit otherwise). Not persistent: every node runs it, and chainers queue
 * on the head's lock, so it is safe anywhere, and a run with nothing pending is one indexed query.
 */
@Singleton
@DependsOn("SchemaMigrations") // a run before the schema is migrated would find no tables
@DenyAll // only the container calls it
public class ChainTimer {

    @Inject
    ChainTrigger trigger;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "export-audit audit chaining")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch commits on its own
    void chain() {
        trigger.chainAll();
    }
}
