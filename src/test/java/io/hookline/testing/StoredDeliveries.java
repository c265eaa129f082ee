package io.hookline.testing;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.api.CrmEvent;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * Deliveries written straight to the database, as a crash or a hand-over whose message never went leaves them: no
 * message is sent, so only the recovery timer and the test's own calls touch them.
 */
@ApplicationScoped
public class StoredDeliveries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Transactions transaction;

    /** The event, already dispatched, and one delivery of it to the endpoint, in the state {@code state} puts it in. */
    public Delivery store(CrmEvent event, Endpoint endpoint, Consumer<Delivery> state) throws Exception {
        OffsetDateTime now = Time.now();
        transaction.begin();
        OutboxEvent row = OutboxEvent.record(event, now);
        row.markDispatched(now);
        em.persist(row);
        em.flush(); // the delivery row refers to the event row
        Delivery delivery = Delivery.of(row.ref(), endpoint, now);
        state.accept(delivery);
        em.persist(delivery);
        transaction.commit();
        return delivery;
    }
}
