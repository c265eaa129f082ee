package io.hookline.event.control;

import io.hookline.event.api.CrmEvent;
import io.hookline.event.api.CrmEventBatch;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes each fired {@link CrmEvent} (alone or in a {@link CrmEventBatch}) to the outbox inside the firing
 * transaction, and announces it for fan-out once committed when an endpoint subscribes to it. {@code MANDATORY}: an
 * event fired outside a transaction could be stored for a change that never commits, so that is refused at the fire
 * site.
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
        store(List.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes CrmEventBatch batch) {
        store(batch.events());
    }

    private void store(List<CrmEvent> events) {
        events.forEach(event -> catalog.require(event.type())); // before any write: all or none
        OffsetDateTime now = Time.now();
        List<OutboxEvent> rows = events.stream().map(event -> OutboxEvent.record(event, now)).toList();
        outbox.record(rows).forEach(pending -> recorded.fire(new EventRecorded(pending.id())));
    }
}
