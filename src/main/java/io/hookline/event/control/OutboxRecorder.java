package io.hookline.event.control;

import io.hookline.event.api.CrmEvent;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes each fired {@link CrmEvent} to the outbox inside the firing transaction, and announces it for fan-out once
 * committed when an endpoint subscribes to it. {@code MANDATORY}: an event fired outside a transaction could be stored
 * for a change that never commits, so that is refused at the fire site.
 */
@ApplicationScoped
public class OutboxRecorder {

    @Inject
    Outbox outbox;

    @Inject
    EventCatalog catalog;

    @Inject
    Event<EventRecorded> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes CrmEvent event) {
        catalog.require(event.type());
        OutboxEvent row = OutboxEvent.record(event, Time.now());
        if (outbox.record(row)) {
            recorded.fire(new EventRecorded(row.id()));
        }
    }
}
