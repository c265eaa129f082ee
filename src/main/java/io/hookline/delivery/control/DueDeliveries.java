package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.EndpointEnabled;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Hands due deliveries to workers: retries whose delay has passed, and deliveries whose lease expired because their
 * message or worker was lost. Each is locked (in id order) and re-checked, so instances sweeping together hand it
 * over once; its message goes out after commit (see {@link CommitRelay}).
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

    /** An admin fixed the endpoint: what waited for it is due now, not at the end of its backoff. */
    @Transactional(Transactional.TxType.MANDATORY)
    void resume(@Observes EndpointEnabled enabled) {
        em.createNamedQuery(Delivery.RESUME)
                .setParameter("endpoint", enabled.endpointId())
                .setParameter("now", Time.now())
                .executeUpdate();
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
