package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.export.entity.Export;

/**
 * The one answer to "this export, if the caller may see it": for REST, the pages and the host API, to look at,
 * decide on or download. An export the viewer may not see is answered as one that does not exist.
 */
@ApplicationScoped
public class VisibleExports {

    @PersistenceContext
    EntityManager em;

    /** @throws ExportNotFound when there is none, or the viewer may not see it */
    public Export find(long id, Viewer viewer) {
        return requireVisible(id, em.find(Export.class, id), viewer);
    }

    /**
     * As {@link #find}, under its row lock until the transaction ends: an approval racing a withdrawal, the expiry
     * or another approval waits, then finds it decided.
     *
     * @throws ExportNotFound when there is none, or the viewer may not see it
     */
    public Export locked(long id, Viewer viewer) {
        return requireVisible(id, em.find(Export.class, id, LockModeType.PESSIMISTIC_WRITE), viewer);
    }

    static Export requireVisible(long id, Export export, Viewer viewer) {
        if (export == null || !viewer.sees(export)) {
            throw new ExportNotFound(id);
        }
        return export;
    }
}
