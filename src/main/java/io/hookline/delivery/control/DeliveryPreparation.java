package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.Outbox;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.format.control.WireEvent;
import io.hookline.format.control.WireFormats;
import io.hookline.format.control.WireRequest;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Step one of an attempt: claim the delivery with the token its message carried, and build the signed request in
 * the endpoint's wire format.
 * A short transaction of its own, so no database transaction stays open while the receiver takes its time.
 */
@ApplicationScoped
public class DeliveryPreparation {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Endpoints endpoints;

    @Inject
    DeliverySettings settings;

    /** @return the request to send, or empty when the token is stale or the endpoint is no longer active */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<WebhookRequest> prepare(String deliveryId, String leaseToken) {
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return Optional.empty();
        }
        OffsetDateTime now = Time.now();
        Optional<String> attemptToken = delivery.claim(leaseToken, now, settings.attemptLease());
        if (attemptToken.isEmpty()) {
            return Optional.empty();
        }
        Endpoint endpoint = em.find(Endpoint.class, delivery.endpointId());
        if (endpoint == null || !(endpoint.isActive() || delivery.isTest())) {
            delivery.release(); // stays pending; enabling the endpoint lets the timer pick it up again
            return Optional.empty();
        }
        OutboxEvent event = outbox.find(delivery.eventId()).orElseThrow();
        WireRequest wire = WireFormats.render(endpoint.format(), WireEvent.of(event), delivery.id(),
                endpoint.signingSecrets(now), now);
        return Optional.of(new WebhookRequest(delivery.id(), attemptToken.get(), delivery.nextAttemptNumber(),
                URI.create(delivery.url()), wire.headers(), wire.body()));
    }
}
