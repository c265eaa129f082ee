package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.Outbox;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.Time;
import io.hookline.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/**
 * Turns one committed event into one delivery per endpoint that is active and subscribed at this moment, and hands
 * each to a worker. The event row is locked first, so however many messages or timers ask, it fans out once.
 */
@ApplicationScoped
public class FanOut {

    static final String PREVIEW_ONLY = "Not sent: live webhook delivery is not enabled for this preview-only workspace.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Endpoints endpoints;

    @Inject
    WorkQueues queues;

    @Inject
    DeliverySettings settings;

    @Inject
    Tenants tenants;

    @Transactional(rollbackOn = Exception.class)
    public void dispatch(String eventId) {
        outbox.lockPending(eventId).ifPresent(this::dispatch);
    }

    private void dispatch(OutboxEvent event) {
        OffsetDateTime now = Time.now();
        for (Endpoint endpoint : endpoints.subscribedTo(event.tenantId(), event.type(), event.createdAt())) {
            deliver(event, endpoint, now);
        }
        event.markDispatched(now);
    }

    /**
     * A new delivery of the event to the endpoint, handed to a worker when the caller's transaction commits;
     * for a preview-only workspace it is recorded as not sent, so admins can see what would have gone out.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, rollbackOn = Exception.class)
    public Delivery deliver(OutboxEvent event, Endpoint endpoint, OffsetDateTime now) {
        return deliver(event, endpoint, now, now);
    }

    /**
     * As {@link #deliver(OutboxEvent, Endpoint, OffsetDateTime)}, but not before {@code dueAt}: a delivery due later
     * is left to the recovery timer, which hands it over once due, on whichever instance sweeps first.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, rollbackOn = Exception.class)
    public Delivery deliver(OutboxEvent event, Endpoint endpoint, OffsetDateTime now, OffsetDateTime dueAt) {
        Delivery delivery = Delivery.of(event, endpoint, now);
        em.persist(delivery);
        if (!tenants.liveDelivery(event.tenantId())) {
            delivery.notSent(PREVIEW_ONLY, now);
        } else if (dueAt.isAfter(now)) {
            delivery.postpone(dueAt);
        } else {
            queues.enqueueDelivery(delivery.id(), delivery.handOver(now, settings.dispatchLease()));
        }
        return delivery;
    }
}
