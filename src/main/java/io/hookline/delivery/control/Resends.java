package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.Outbox;
import io.hookline.event.entity.EventRef;
import io.hookline.platform.ProblemException;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Sends an event again, as Customermates' resend does: a new delivery (same event id, new delivery id) to the same
 * endpoint, leaving the original and its attempts untouched.
 */
@ApplicationScoped
public class Resends {

    @Inject
    Deliveries deliveries;

    @Inject
    Endpoints endpoints;

    @Inject
    Outbox outbox;

    @Inject
    FanOut fanOut;

    @Transactional(rollbackOn = Exception.class)
    public Delivery resend(String tenantId, String deliveryId) {
        Delivery original = deliveries.find(tenantId, deliveryId);
        Endpoint endpoint = endpoints.find(tenantId, original.endpointId());
        if (!endpoint.isActive()) {
            throw ProblemException.conflict("Endpoint " + endpoint.id() + " is " + endpoint.status()
                    + "; enable it before resending to it.");
        }
        EventRef event = outbox.ref(original.eventId()) // retention removes an event only after its deliveries
                .orElseThrow(() -> ProblemException.notFound("Event " + original.eventId()));
        return fanOut.deliver(event, endpoint, Time.now());
    }
}
