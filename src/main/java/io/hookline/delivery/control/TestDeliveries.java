package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.api.CrmEvent;
import io.hookline.event.control.EventCatalog;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.JsonText;
import io.hookline.platform.Time;
import io.hookline.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Stores a test event and its one delivery, already dispatched (a test never fans out to other endpoints), and
 * leases the delivery to the caller, who attempts it straight away.
 */
@ApplicationScoped
public class TestDeliveries {

    /** The delivery and, unless it was recorded as not sent, the token to attempt it with. */
    public record Opened(String deliveryId, Optional<String> leaseToken) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Endpoints endpoints;

    @Inject
    Tenants tenants;

    @Inject
    NewDeliveries newDeliveries;

    @Inject
    DeliverySettings settings;

    @Transactional(rollbackOn = Exception.class)
    public Opened open(String tenantId, String endpointId) {
        Endpoint endpoint = endpoints.find(tenantId, endpointId);
        OffsetDateTime now = Time.now();
        OutboxEvent event = OutboxEvent.record(CrmEvent.of(EventCatalog.TEST_EVENT, tenantId).entity("endpoint", endpoint.id())
                .occurredAt(now)
                .data(JsonText.JSON.createObjectBuilder()
                        .add("message", "A test event from Hookline: if you can read this, your endpoint works.")
                        .add("endpoint_id", endpoint.id())
                        .add("endpoint_name", endpoint.name()).build())
                .build(), now);
        event.markDispatched(now);
        em.persist(event);
        em.flush(); // the delivery row refers to the event row
        Delivery delivery = Delivery.test(event.ref(), endpoint, now);
        Optional<String> leaseToken;
        if (tenants.liveDelivery(tenantId)) {
            leaseToken = Optional.of(delivery.handOver(now, settings.dispatchLease()));
        } else {
            delivery.notSent(FanOut.PREVIEW_ONLY, now);
            leaseToken = Optional.empty();
        }
        newDeliveries.write(List.of(delivery));
        return new Opened(delivery.id(), leaseToken);
    }
}
