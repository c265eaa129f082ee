package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands due deliveries to workers: retries whose delay has passed, and deliveries whose lease expired because their
 * message or worker was lost. Each is locked (in id order) and re-checked, so instances sweeping together hand it
 * over once; its message goes out after commit (see {@link CommitRelay}). Also makes a re-enabled endpoint's
 * waiting deliveries due, and a faster one's deferred deliveries.
 */
@ApplicationScoped
public class DueDeliveries {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryLocks locks;

    @Inject
    Event<HandOver> handOvers;

    @Inject
    DeliverySettings settings;

    /**
     * What waited for the endpoint past {@code since} is due now, not at the end of its wait: all of it when an admin
     * fixed the endpoint, only the {@linkplain Delivery#deferUntil deferred} when it turned out faster than its
     * backlog was paced for (a retry's backoff stays). The next {@code limit} of them in id order after
     * {@code after} (through the index on endpoint and id), in a transaction of their own.
     *
     * @return the id to go on after, empty when the endpoint has no more
     */
    @Transactional(rollbackOn = Exception.class)
    public Optional<String> resume(String endpointId, boolean deferredOnly, OffsetDateTime since, String after, int limit) {
        List<String> waiting = em.createNamedQuery(deferredOnly ? Delivery.DEFERRED : Delivery.WAITING, String.class)
                .setParameter("endpoint", endpointId)
                .setParameter("after", after)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
        if (!waiting.isEmpty()) {
            em.createNamedQuery(Delivery.RESUME).setParameter("ids", waiting).setParameter("since", since).executeUpdate();
        }
        return waiting.size() < limit ? Optional.empty() : Optional.of(waiting.get(waiting.size() - 1));
    }

    /**
     * @return how many were handed over, at most {@code limit}; fewer when no more are due or another instance took
     *         some
     */
    @Transactional(rollbackOn = Exception.class)
    public int handOver(OffsetDateTime now, int limit) {
        List<String> due = em.createNamedQuery(Delivery.DUE, String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        Map<String, Delivery> locked = locks.lock(due);
        int handedOver = 0;
        for (String deliveryId : due) {
            Delivery delivery = locked.get(deliveryId);
            if (delivery != null && delivery.isDue(now)) {
                String token = delivery.handOver(now, settings.handOverLease());
                handOvers.fire(HandOver.of(delivery, token));
                handedOver++;
            }
        }
        return handedOver;
    }
}
