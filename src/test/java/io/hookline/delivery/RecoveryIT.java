package io.hookline.delivery;

import io.hookline.delivery.control.DeliveryQuery;
import io.hookline.delivery.control.DeliveryWorker;
import io.hookline.delivery.control.FanOut;
import io.hookline.delivery.entity.Delivery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.api.CrmEvent;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.event.entity.OutboxStatus;
import io.hookline.platform.Time;
import io.hookline.testing.Await;
import io.hookline.testing.Deployments;
import io.hookline.testing.InContainerTest;
import io.hookline.testing.Receiver;
import io.hookline.testing.StoredDeliveries;
import io.hookline.testing.ToolbagSignature;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safety net: what JMS loses, the recovery timer finds in the database. Each test writes the rows a crash would
 * leave behind (no message sent), then watches the real timer and workers finish the job.
 */
class RecoveryIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline(RecoveryIT.class);
    }

    @Inject
    DeliveryWorker worker;

    @Inject
    StoredDeliveries storedDeliveries;

    @Inject
    FanOut fanOut;

    @PersistenceContext
    EntityManager em;

    private Endpoint endpoint;

    @BeforeEach
    void subscribeToEverything() {
        endpoint = subscribe("/hook", "*");
    }

    @Test
    void eventWhoseRelayMessageNeverWentIsFannedOutByTheTimer() throws Exception {
        transaction.begin();
        OutboxEvent stranded = OutboxEvent.record(event("stranded"), Time.now());
        em.persist(stranded); // committed like the observer does, but no post-commit message: the process "died"
        transaction.commit();

        List<Receiver.Received> received = receiver.await(1, WAIT);

        assertEquals(1, received.size(), "delivered by the recovery timer");
        assertTrue(received.get(0).body().contains(stranded.id()));
        assertTrue(ToolbagSignature.verify(endpoint.secret(), received.get(0).header("X-Toolbag-Signature"), received.get(0).body()));
        assertEquals(OutboxStatus.DISPATCHED, transaction.read(() -> em.find(OutboxEvent.class, stranded.id()).status()));
    }

    /**
     * On PostgreSQL a fan-out commits without waiting for the flush to disk, so a crash of the database may undo it
     * and leave the event pending, as above. Only the fan-out's own transaction is spared the wait: the setting must
     * not stay on the pooled connection for the next transaction, say a CRM's (a plain SET would, once committed).
     */
    @Test
    void aFanOutAloneCommitsWithoutWaitingForTheFlush() throws Exception {
        OutboxEvent event = OutboxEvent.record(event("unflushed"), Time.now());
        boolean postgres = onPostgresql();
        transaction.begin();
        em.persist(event);
        em.flush();
        fanOut.dispatchAll(List.of(event.id()));
        String during = postgres ? synchronousCommit() : null;
        transaction.commit();
        String after = postgres ? transaction.read(this::synchronousCommit) : null;

        List<Receiver.Received> received = receiver.await(1, WAIT);
        assertEquals(1, received.size(), "fanned out in the caller's transaction, and delivered");
        assertTrue(received.get(0).body().contains(event.id()));
        if (postgres) {
            assertEquals("off", during);
            assertEquals("on", after, "the next transaction waits again");
        }
    }

    @Test
    void deliveryWhoseMessageWasLostIsHandedOverAgainWhenItsLeaseExpires() throws Exception {
        // handed to JMS, but the message is dropped on purpose
        Delivery delivery = stored("lost-message", handedOver -> handedOver.handOver(Time.now(), Duration.ofSeconds(2)));

        assertEquals(1, receiver.await(1, WAIT).size(), "the timer re-enqueued it after the lease ran out");
        Delivery done = Await.until(WAIT, () -> deliveries.find(tenant, delivery.id()), d -> d.status() != DeliveryStatus.PENDING);
        assertEquals(DeliveryStatus.SUCCEEDED, done.status());
        assertEquals(1, done.attempts());
    }

    /**
     * An endpoint re-enabled on a backlog larger than the sweep's batch, its deliveries waiting an hour for their next
     * retry as an outage leaves them: enabling makes them due (in more than one chunk), the sweep hands them over
     * batch after batch, and each delivery arrives once (no batch handed over twice while its messages were on their
     * way).
     */
    @Test
    void aBacklogOfSeveralBatchesArrivesOnceEach() throws Exception {
        int backlog = 1_200;
        endpoints.disable(tenant, endpoint.id());
        OffsetDateTime now = Time.now();
        List<OutboxEvent> events = new ArrayList<>();
        transaction.begin();
        for (int i = 0; i < backlog; i++) {
            OutboxEvent event = OutboxEvent.record(event("backlog-" + i), now);
            event.markDispatched(now);
            em.persist(event);
            events.add(event);
        }
        em.flush(); // the delivery rows refer to the event rows
        for (OutboxEvent event : events) {
            Delivery delivery = Delivery.of(event.ref(), endpoint, now);
            delivery.postpone(now.plusHours(1));
            em.persist(delivery);
        }
        transaction.commit();

        endpoints.enable(tenant, endpoint.id());
        receiver.await(backlog, WAIT);
        Await.pause(2500); // a second send of anything would have arrived by now
        List<Receiver.Received> received = receiver.received();
        assertEquals(backlog, received.size());
        assertEquals(backlog, received.stream().map(Receiver.Received::body).distinct().count(), "each event once");
        assertEquals(0L, transaction.read(() -> em.createQuery("select count(d) from Delivery d where d.endpointId = :endpoint"
                        + " and (d.status <> io.hookline.delivery.entity.DeliveryStatus.SUCCEEDED or d.attempts <> 1)", Long.class)
                .setParameter("endpoint", endpoint.id()).getSingleResult()));
    }

    /**
     * A slow endpoint's backlog waits in the database, paced at one place per deferral (1 s a request, 16 at once:
     * about a minute ahead for 1,000). Once the endpoint answers at once (twice its pace would do), the deferred
     * deliveries are made due then, not when their pacing would have brought them; a retry's backoff of the same
     * endpoint stays as it was.
     */
    @Test
    void aBacklogDeferredForASlowEndpointIsMadeDueOnceItAnswersFast() throws Exception {
        int backlog = 1_000;
        receiver.respondAfter(Duration.ofSeconds(1));
        commit(event("pace-setter"));
        receiver.await(1, WAIT);
        Await.until(WAIT, () -> deliveries.search(tenant, DeliveryQuery.ofEndpoint(endpoint.id(), 1)).data().get(0),
                d -> d.status() == DeliveryStatus.SUCCEEDED); // its attempt took 1 s: the endpoint is known slow
        // its first attempt failed: it waits an hour for its retry
        String backingOff = stored("backing-off", failed -> failed.retryAt(Time.now().plusHours(1))).id();
        transaction.begin();
        for (int i = 0; i < backlog; i++) {
            events.fire(event("deferred-" + i));
        }
        transaction.commit();
        Await.until(WAIT, () -> transaction.read(() -> em.createQuery("select count(d) from Delivery d"
                + " where d.endpointId = :endpoint", Long.class).setParameter("endpoint", endpoint.id()).getSingleResult()),
                made -> made == backlog + 2); // fanned out, with the pace-setter and the retry
        long deferred = waitingPast(Time.now().plusSeconds(30));
        assertTrue(deferred > 100, "paced far ahead: " + deferred);

        receiver.respondAfter(Duration.ZERO);
        assertEquals(backlog + 1, receiver.await(backlog + 1, Duration.ofSeconds(20)).size(),
                "all made due within seconds of the endpoint turning fast, not over the next minute");
        Delivery retry = transaction.read(() -> em.find(Delivery.class, backingOff));
        assertEquals(DeliveryStatus.PENDING, retry.status());
        assertTrue(retry.nextAttemptAt().isAfter(Time.now().plusMinutes(30)), "a retry's backoff is not a deferral");
    }

    /** How many of the endpoint's deliveries wait to be attempted later than {@code at}. */
    private long waitingPast(OffsetDateTime at) {
        return transaction.read(() -> em.createQuery("select count(d) from Delivery d where d.endpointId = :endpoint"
                        + " and d.status = io.hookline.delivery.entity.DeliveryStatus.PENDING and d.nextAttemptAt > :at", Long.class)
                .setParameter("endpoint", endpoint.id()).setParameter("at", at).getSingleResult());
    }

    /** A dispatched event and its delivery to the endpoint, left in {@code state} with no message sent. */
    private Delivery stored(String eventId, Consumer<Delivery> state) throws Exception {
        return storedDeliveries.store(event(eventId), endpoint, state);
    }

    @Test
    void staleOrDuplicateMessagesMakeNoAttempt() throws Exception {
        commit(event("once"));
        receiver.await(1, WAIT);
        Delivery delivery = Await.until(WAIT, () -> deliveries.search(tenant, DeliveryQuery.ofEndpoint(endpoint.id(), 1)).data().get(0),
                d -> d.status() == DeliveryStatus.SUCCEEDED);

        worker.attempt(delivery.id(), "a-token-from-an-old-or-duplicated-message");

        Await.pause(1500);
        assertEquals(1, receiver.received().size());
        assertEquals(1, deliveries.attempts(delivery).size());
    }

    @Test
    void unknownEventTypesFailLoudlyAtTheFireSite() throws Exception {
        transaction.begin();
        try {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> events.fire(
                    CrmEvent.of("invoice.paid", tenant).entity("invoice", "i1").data(Json.createObjectBuilder().build()).build()));
            assertTrue(causes(refused).contains("Unknown webhook event type 'invoice.paid'"), causes(refused));
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void eventsFiredOutsideATransactionAreRefused() {
        assertThrows(RuntimeException.class, () -> events.fire(event("no-transaction")));
        Await.pause(3000);
        assertTrue(receiver.received().isEmpty(), "nothing stored, nothing sent");
    }

    private CrmEvent event(String id) {
        return CrmEvent.of("contact.created", tenant).entity("contact", id)
                .data(Json.createObjectBuilder().add("id", id).build()).build();
    }

    private boolean onPostgresql() {
        return transaction.read(() -> {
            try {
                return em.unwrap(Connection.class).getMetaData().getDatabaseProductName().equals("PostgreSQL");
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    private String synchronousCommit() {
        return (String) em.createNativeQuery("select current_setting('synchronous_commit')").getSingleResult();
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            messages.append(current).append(" | ");
        }
        return messages.toString();
    }
}
