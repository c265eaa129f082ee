package io.hookline.event.control;

import io.hookline.event.api.CrmEvent;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes each fired {@link CrmEvent} to the outbox inside the firing transaction. {@code MANDATORY}: an event fired
 * outside a transaction could be stored for a change that never commits, so that is refused at the fire site.
 */
@ApplicationScoped
public class OutboxRecorder {

    @PersistenceContext
    EntityManager em;

    @Inject
    EventCatalog catalog;

    @Inject
    Event<EventRecorded> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes CrmEvent event) {
        catalog.require(event.type());
        OutboxEvent row = OutboxEvent.record(event, Time.now());
        em.persist(row);
        recorded.fire(new EventRecorded(row.id()));
    }
}
