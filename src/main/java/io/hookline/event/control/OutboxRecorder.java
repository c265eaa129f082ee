package io.hookline.event.control;

import io.hookline.event.api.CrmEvent;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.Time;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes each fired {@link CrmEvent} to the outbox inside the firing transaction, and announces those an endpoint
 * subscribes to once it has committed. The events of one transaction are written together just before it commits,
 * one batch on its connection: an import of many records costs it one round trip, not one per event.
 * {@code MANDATORY}: an event fired outside a transaction could be stored for a change that never commits, so that
 * is refused at the fire site.
 */
@ApplicationScoped
public class OutboxRecorder {

    @Inject
    Outbox outbox;

    @Inject
    EventCatalog catalog;

    @Inject
    Event<EventsCommitted> committed;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes CrmEvent event) {
        catalog.require(event.type());
        writes().events.add(OutboxEvent.record(event, Time.now()));
    }

    /** The current transaction's events, registered with it on the first. */
    private TransactionWrites writes() {
        TransactionWrites writes = (TransactionWrites) transactions.getResource(TransactionWrites.class);
        if (writes == null) {
            writes = new TransactionWrites();
            transactions.putResource(TransactionWrites.class, writes);
            transactions.registerInterposedSynchronization(writes);
        }
        return writes;
    }

    /** One transaction's events: written before it completes, the pending ones announced once it has committed. */
    private final class TransactionWrites implements Synchronization {

        private final List<OutboxEvent> events = new ArrayList<>();
        private List<String> pending = List.of();

        @Override
        public void beforeCompletion() {
            pending = outbox.recordAll(events); // a failure here rolls the CRM transaction back
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED && !pending.isEmpty()) {
                committed.fire(new EventsCommitted(pending));
            }
        }
    }
}
