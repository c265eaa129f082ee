package io.hookline.retention;

import io.hookline.delivery.control.DeliveryQuery;
import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.api.CrmEvent;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.Time;
import io.hookline.retention.control.Retention;
import io.hookline.retention.control.RetentionRuns;
import io.hookline.retention.entity.RetentionRun;
import io.hookline.testing.Await;
import io.hookline.testing.Deployments;
import io.hookline.testing.InContainerTest;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the container: real events and deliveries, then aged by moving their timestamps back, then one retention run
 * with bodies cut off at 10 days and deletion at 30 days.
 */
class RetentionIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline(RetentionIT.class);
    }

    @Inject
    Retention retention;

    @Inject
    RetentionRuns runs;

    @PersistenceContext
    EntityManager em;

    @Test
    void retentionRemovesExactlyTheOldRowsAndLeavesPendingAndYoungOnes() throws Exception {
        Endpoint endpoint = subscribe("/retention", "contact.created");
        for (String name : List.of("old", "old-pending", "middle", "young")) {
            commit(CrmEvent.of("contact.created", tenant).entity("contact", name)
                    .data(Json.createObjectBuilder().add("name", name).build()).build());
        }
        receiver.await(4, WAIT);
        List<Delivery> delivered = Await.until(WAIT, () -> deliveries.search(tenant, new DeliveryQuery(endpoint.id(), null,
                DeliveryStatus.SUCCEEDED, null, null, null, null, 10)).data(), d -> d.size() == 4);
        Map<String, Delivery> byName = new java.util.HashMap<>();
        OffsetDateTime now = Time.now();
        transaction.begin();
        for (Delivery delivery : delivered) {
            byName.put(em.find(OutboxEvent.class, delivery.eventId()).entityId(), delivery);
        }
        age(byName.get("old"), now.minusDays(40));
        age(byName.get("old-pending"), now.minusDays(40));
        age(byName.get("middle"), now.minusDays(20));
        em.createQuery("update Delivery d set d.status = io.hookline.delivery.entity.DeliveryStatus.PENDING,"
                        + " d.nextAttemptAt = :later, d.completedAt = null where d.id = :id")
                .setParameter("later", now.plusDays(1)).setParameter("id", byName.get("old-pending").id()).executeUpdate();
        transaction.commit();

        String runId = retention.start(now.minusDays(10), now.minusDays(30));
        RetentionRun run = Await.until(WAIT, () -> runs.find(runId).orElseThrow(), r -> !RetentionRun.RUNNING.equals(r.status()));

        assertEquals("COMPLETED", run.status(), run.error());
        transaction.read(() -> assertRetained(byName, run));
    }

    private void assertRetained(Map<String, Delivery> byName, RetentionRun run) {
        Delivery old = byName.get("old");
        assertNull(em.find(Delivery.class, old.id()), "old and finished: gone");
        assertTrue(attempts(old).isEmpty());
        assertNull(em.find(OutboxEvent.class, old.eventId()), "its event has no delivery left: gone");
        Delivery pending = byName.get("old-pending");
        assertNotNull(em.find(Delivery.class, pending.id()), "pending: kept, however old");
        assertNotNull(em.find(OutboxEvent.class, pending.eventId()));
        assertNotNull(attempts(pending).get(0).responseExcerpt(), "not even its attempt bodies are touched");
        Delivery middle = byName.get("middle");
        assertNotNull(em.find(Delivery.class, middle.id()), "younger than the deletion age: kept");
        assertNull(attempts(middle).get(0).responseExcerpt(), "older than the body age: body cleared");
        assertNotNull(attempts(middle).get(0).requestHeaders());
        Delivery young = byName.get("young");
        assertNotNull(em.find(Delivery.class, young.id()));
        assertNotNull(attempts(young).get(0).responseExcerpt());
        assertTrue(run.deliveriesDeleted() >= 1 && run.attemptsDeleted() >= 1 && run.eventsDeleted() >= 1
                && run.attemptBodiesCleared() >= 1, run.toString());
    }

    private void age(Delivery delivery, OffsetDateTime at) {
        em.createQuery("update OutboxEvent e set e.createdAt = :at where e.id = :id")
                .setParameter("at", at).setParameter("id", delivery.eventId()).executeUpdate();
        em.createQuery("update Delivery d set d.createdAt = :at where d.id = :id")
                .setParameter("at", at).setParameter("id", delivery.id()).executeUpdate();
        em.createQuery("update Attempt a set a.attemptedAt = :at where a.deliveryId = :id")
                .setParameter("at", at.plus(Duration.ofSeconds(1))).setParameter("id", delivery.id()).executeUpdate();
    }

    private List<Attempt> attempts(Delivery delivery) {
        return em.createNamedQuery(Attempt.OF_DELIVERY, Attempt.class).setParameter("delivery", delivery.id()).getResultList();
    }
}
