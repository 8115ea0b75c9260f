package io.jixiao.common.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises the writes of one subject (a department-year's score, its declared figures) that create rows
 * rather than change one, so there is no row to lock: a PostgreSQL advisory lock on the subject's name, held
 * until the transaction ends. An event's outbox position is drawn when it is appended, inside the lock, so a
 * subject's events leave in the order their transactions committed, and a reader that keeps the latest event
 * keeps the latest write.
 */
@ApplicationScoped
public class SubjectLock {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String subject) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, subject)
                .getSingleResult();
    }
}
