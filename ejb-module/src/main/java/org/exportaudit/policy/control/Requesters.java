package org.exportaudit.policy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exportaudit.policy.entity.Requester;

/**
 * Serialises one user's governed export requests: the second of two racing requests waits at the
 * lock until the first has committed its export, then counts it against the user's rolling limits.
 * Other users' requests do not wait.
 */
@ApplicationScoped
public class Requesters {

    @PersistenceContext
    EntityManager em;

    @Inject
    Requesters self; // through its proxy, so that create() gets a transaction of its own

    /** Takes the user's lock until the caller's transaction ends; creates their row the first time. */
    public void lock(String user) {
        if (em.find(Requester.class, user, LockModeType.PESSIMISTIC_WRITE) == null) {
            try {
                self.create(user);
            } catch (RuntimeException createdMeanwhile) {
                // a racing request of the same user created the row first: locking it below waits for that request
            }
            em.find(Requester.class, user, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** In a transaction of its own, so that the row exists for both of two racing requests. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String user) {
        em.persist(new Requester(user));
        em.flush();
    }
}
