package org.exportaudit.export.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;

/**
 * Whether anything the export log or the bell shows has changed, on any node of the cluster: a mark
 * that moves whenever a change is recorded (every change writes an audit record: its pending row,
 * then its place in the chain), a notice is posted, or a running export counts or writes records.
 * Pages read it often and redraw only when it moved, so it is one cheap query that says nothing
 * of what changed (the status index finds the running exports).
 * <p>
 * A CDI bean, not an EJB: the pages' watcher (LivePages) calls it from a background thread from the
 * moment the web application starts, and a call to an EJB waits until every {@code @Startup} bean has
 * started. When one of them fails (a setting the application does not accept), the deployment is
 * undone, and undoing it waits for that call, which waits for a start that never comes: the
 * deployment hung instead of failing (SettingsIT). The read needs no transaction and says nothing
 * about anyone's exports, so it needs neither the EJB's transaction nor its security.
 */
@ApplicationScoped
public class ChangeMark {

    @PersistenceContext
    EntityManager em;

    public String mark() {
        Object[] mark = (Object[]) em.createNativeQuery("SELECT"
                        + " (SELECT head_seq FROM audit_chain WHERE id = 1),"
                        + " (SELECT MAX(id) FROM audit_pending),"
                        + " (SELECT MAX(id) FROM notice),"
                        + " (SELECT COUNT(*) FROM export WHERE status = 'PROCESSING'),"
                        + " (SELECT SUM(written) FROM export WHERE status = 'PROCESSING'),"
                        + " (SELECT SUM(records) FROM export WHERE status = 'PROCESSING')")
                .getSingleResult();
        return Arrays.toString(mark);
    }
}
