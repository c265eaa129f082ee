package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.EndpointEnabled;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Hands due deliveries to workers: retries whose delay has passed, and deliveries whose lease expired because their
 * message or worker was lost. Each is locked and re-checked, so instances sweeping together hand it over once.
 */
@ApplicationScoped
public class DueDeliveries {

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkQueues queues;

    @Inject
    DeliverySettings settings;

    /** How long a delivery waits when its endpoint or tenant is at its concurrency limit. */
    @Inject
    @ConfigProperty(name = "hookline.delivery.busy-delay", defaultValue = "PT2S")
    Duration busyDelay;

    /** Who a delivery goes to. */
    public record Recipient(String tenantId, String endpointId) {
    }

    /** @return empty if there is no such delivery */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Recipient> recipient(String deliveryId) {
        return Optional.ofNullable(em.find(Delivery.class, deliveryId))
                .map(delivery -> new Recipient(delivery.tenantId(), delivery.endpointId()));
    }

    /**
     * Gives a delivery back untried because its endpoint or tenant is busy: due again after the busy delay, at the
     * back of the line, with no attempt counted. Only the holder of the current lease token may do this.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deferBusy(String deliveryId, String leaseToken) {
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery != null) {
            delivery.defer(leaseToken, Time.now().plus(busyDelay));
        }
    }

    /** An admin fixed the endpoint: what waited for it is due now, not at the end of its backoff. */
    @Transactional(Transactional.TxType.MANDATORY)
    void resume(@Observes EndpointEnabled enabled) {
        em.createNamedQuery(Delivery.RESUME)
                .setParameter("endpoint", enabled.endpointId())
                .setParameter("now", Time.now())
                .executeUpdate();
    }

    @Transactional(rollbackOn = Exception.class)
    public void handOver(OffsetDateTime now, int limit) {
        List<String> due = em.createNamedQuery(Delivery.DUE, String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        for (String deliveryId : due) {
            Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
            if (delivery != null && delivery.isDue(now)) {
                queues.enqueueDelivery(delivery.id(), delivery.handOver(now, settings.dispatchLease()));
            }
        }
    }
}
