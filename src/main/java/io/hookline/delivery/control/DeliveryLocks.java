package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Locks many deliveries with one statement, always in id order, so that batches running at once on several
 * instances wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class DeliveryLocks {

    @PersistenceContext
    EntityManager em;

    /** The deliveries that exist among {@code ids}, locked for the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Delivery> lock(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of(); // "in ()" is not SQL
        }
        return em.createNamedQuery(Delivery.BY_IDS, Delivery.class)
                .setParameter("ids", ids.stream().distinct().toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .collect(Collectors.toMap(Delivery::id, Function.identity()));
    }
}
