package io.hookline.delivery;

import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.control.DeliveryQuery;
import io.hookline.delivery.entity.Delivery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.api.CrmEvent;
import io.hookline.event.api.CrmEventBatch;
import io.hookline.event.api.FieldChange;
import io.hookline.event.entity.OutboxStatus;
import io.hookline.format.entity.WireFormat;
import io.hookline.testing.Await;
import io.hookline.testing.Deployments;
import io.hookline.testing.InContainerTest;
import io.hookline.testing.Receiver;
import io.hookline.testing.ToolbagSignature;
import jakarta.json.Json;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The path from a CRM transaction to a verified POST, inside a real Payara Micro with the real broker, database and
 * timers. Each test has a tenant of its own and an HTTPS receiver on loopback that checks seed 000's signature.
 * The server runs with one-second retry delays (see it.server.options in the POM).
 */
class DeliveryPipelineIT extends InContainerTest {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CrmEventBatch> batches;

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline(DeliveryPipelineIT.class);
    }

    @Test
    void committedEventIsDeliveredSignedInToolbagFormat() throws Exception {
        Endpoint endpoint = subscribe("/hook", "customer.created");

        commit(customerCreated("c-1", "Ada"));

        List<Receiver.Received> received = receiver.await(1, WAIT);
        assertEquals(1, received.size(), "one delivery");
        Receiver.Received request = received.get(0);
        assertTrue(ToolbagSignature.verify(endpoint.secret(), request.header("X-Toolbag-Signature"), request.body()),
                "signature verifies with the endpoint secret: " + request.headers());
        assertEquals("customer.created", request.header("X-Toolbag-Event"));
        assertTrue(request.header("Content-Type").startsWith("application/json"));
        JsonObject body = json(request.body());
        assertEquals("customer.created", body.getString("type"));
        assertEquals(tenant, body.getString("tenant_id"));
        assertEquals("Ada", body.getJsonObject("data").getString("name"));
        assertNotNull(body.getString("created_at"));
        assertFalse(body.containsKey("changes"), "created events carry no changes");

        Delivery delivery = awaitFinished(endpoint).get(0);
        assertEquals(DeliveryStatus.SUCCEEDED, delivery.status());
        assertEquals(delivery.id(), request.header("X-Toolbag-Delivery"));
        assertEquals(delivery.eventId(), body.getString("id"));
        List<Attempt> attempts = deliveries.attempts(delivery);
        assertEquals(1, attempts.size());
        assertEquals(200, attempts.get(0).statusCode());
        assertTrue(attempts.get(0).responseExcerpt().contains("received"));
    }

    @Test
    void rolledBackChangeStoresAndSendsNothing() throws Exception {
        subscribe("/hook", "customer.created");

        transaction.begin();
        events.fire(customerCreated("rolled-back", "Never"));
        transaction.rollback();
        transaction.begin();
        transaction.setRollbackOnly();
        events.fire(customerCreated("doomed", "Never either")); // no error: the change just will not commit
        transaction.rollback();
        commit(customerCreated("committed", "Sentinel"));

        List<Receiver.Received> received = receiver.await(1, WAIT);
        Await.pause(3000); // the recovery sweep would have found a stored rolled-back event by now
        assertEquals(1, receiver.received().size(), "only the committed event arrives: " + receiver);
        assertEquals("Sentinel", json(received.get(0).body()).getJsonObject("data").getString("name"));
    }

    @Test
    void fansOutToActiveSubscribedEndpointsOnly() throws Exception {
        subscribe("/created", "customer.created");
        subscribe("/everything", "*");
        subscribe("/jobs", "job.created");
        endpoints.create(tenant, new Endpoints.Draft("off", receiver.url("/disabled"), null, List.of("customer.created"), null, false));
        Endpoint otherTenant = endpoints.create("other-" + tenant,
                new Endpoints.Draft("other", receiver.url("/other-tenant"), null, List.of("*"), null, true));

        commit(customerCreated("c-2", "Grace"));

        receiver.await(2, WAIT);
        commit(jobCreated("sentinel"));
        receiver.await(4, WAIT);
        List<String> paths = receiver.received().stream().map(r -> r.path() + " " + r.header("X-Toolbag-Event")).sorted().toList();
        assertEquals(List.of("/created customer.created", "/everything customer.created", "/everything job.created",
                "/jobs job.created"), paths);
        assertTrue(deliveries.search(otherTenant.tenantId(), DeliveryQuery.ofEndpoint(otherTenant.id(), 10)).data().isEmpty());
    }

    /**
     * The CRM transaction's own insert decides whether an event waits for fan-out: the usual CRM change, an event no
     * endpoint subscribes to, is dispatched as it is written, with no delivery; a subscribed one waits until committed.
     */
    @Test
    void eventNobodySubscribesToIsDispatchedAsItIsWritten() throws Exception {
        Endpoint jobs = subscribe("/jobs", "job.created");

        transaction.begin();
        events.fire(customerCreated("unheard", "Unheard"));
        events.fire(jobCreated("heard"));
        List<Object[]> inTransaction = em.createQuery("select e.type, e.status from OutboxEvent e"
                + " where e.tenantId = :tenant order by e.type", Object[].class).setParameter("tenant", tenant).getResultList();
        transaction.commit();

        assertEquals(List.of("customer.created DISPATCHED", "job.created PENDING"),
                inTransaction.stream().map(row -> row[0] + " " + row[1]).toList());
        assertEquals(1, receiver.await(1, WAIT).size());
        assertEquals(List.of(OutboxStatus.DISPATCHED, OutboxStatus.DISPATCHED), transaction.read(() -> em.createQuery(
                "select e.status from OutboxEvent e where e.tenantId = :tenant", OutboxStatus.class)
                .setParameter("tenant", tenant).getResultList()));
        assertEquals(1, deliveries.search(tenant, DeliveryQuery.ofEndpoint(jobs.id(), 10)).data().size());
        assertEquals("/jobs", receiver.received().get(0).path());
    }

    /**
     * A batch is written in one go yet decided event by event: only the subscribed ones wait for fan-out and are
     * delivered, each with an id of its own; an unknown type among them fails the fire and stores none of them.
     */
    @Test
    void eventsFiredAsABatchAreEachDecidedAndDeliveredAsIfFiredAlone() throws Exception {
        Endpoint jobs = subscribe("/jobs", "job.created");

        transaction.begin();
        batches.fire(new CrmEventBatch(List.of(customerCreated("b-1", "Unheard"), jobCreated("b-2"), jobCreated("b-3"))));
        List<Object[]> inTransaction = em.createQuery("select e.entityId, e.status from OutboxEvent e"
                + " where e.tenantId = :tenant order by e.entityId", Object[].class).setParameter("tenant", tenant).getResultList();
        transaction.commit();
        transaction.begin();
        try {
            assertThrows(RuntimeException.class, () -> batches.fire(new CrmEventBatch(List.of(jobCreated("never"),
                    CrmEvent.of("invoice.paid", tenant).entity("invoice", "i1").data(Json.createObjectBuilder().build()).build()))));
        } finally {
            transaction.rollback();
        }

        assertEquals(List.of("b-1 DISPATCHED", "b-2 PENDING", "b-3 PENDING"),
                inTransaction.stream().map(row -> row[0] + " " + row[1]).toList());
        List<Receiver.Received> received = receiver.await(2, WAIT);
        Await.pause(1000);
        assertEquals(2, receiver.received().size(), receiver.toString());
        assertEquals(List.of("b-2", "b-3"), received.stream()
                .map(r -> json(r.body()).getJsonObject("data").getString("id")).sorted().toList());
        assertEquals(2, received.stream().map(r -> json(r.body()).getString("id")).distinct().count());
        assertEquals(2, deliveries.search(tenant, DeliveryQuery.ofEndpoint(jobs.id(), 10)).data().size());
        assertEquals(3L, transaction.read(() -> em.createQuery("select count(e) from OutboxEvent e where e.tenantId = :tenant",
                Long.class).setParameter("tenant", tenant).getSingleResult()), "the failed batch stored nothing");
    }

    /**
     * A slow endpoint's backlog waits in its own line: the other endpoint's deliveries of the same events all arrive
     * while the slow one is still on its first attempts (no worker or message stuck behind it).
     */
    @Test
    void slowEndpointDoesNotHoldUpAnotherEndpointOfTheTenant() throws Exception {
        try (Receiver slow = Receiver.start().respondAfter(Duration.ofSeconds(3))) {
            Endpoint slowEndpoint = endpoints.create(tenant,
                    new Endpoints.Draft("slow", slow.url("/slow"), null, List.of("customer.created"), null, true));
            subscribe("/fast", "customer.created");
            transaction.begin();
            for (int i = 0; i < 200; i++) {
                events.fire(customerCreated("c-" + i, "Customer " + i));
            }
            transaction.commit();

            receiver.await(200, WAIT);
            assertEquals(200, receiver.received().size(), "every fast delivery");
            assertTrue(slow.received().size() <= 32, "the fast endpoint was served while the slow one made its first"
                    + " attempts (16 at a time, 3 s each), not after: " + slow.received().size());
            endpoints.disable(tenant, slowEndpoint.id()); // its line is released rather than worked off
        }
    }

    @Test
    void updatesCarryOnlyTheFieldsThatMoved() throws Exception {
        subscribe("/hook", "customer.updated");
        JsonObject before = Json.createObjectBuilder().add("name", "Ada").add("email", "a@example.com").add("phone", "1").build();
        JsonObject after = Json.createObjectBuilder().add("name", "Ada Lovelace").add("email", "a@example.com").add("phone", "2").build();

        commit(CrmEvent.of("customer.updated", tenant).entity("customer", "c-3").actor("user-7").data(after)
                .changes(FieldChange.between(before, after)).build());

        JsonObject body = json(receiver.await(1, WAIT).get(0).body());
        JsonObject changes = body.getJsonObject("changes");
        assertEquals(2, changes.size(), "only name and phone moved: " + changes);
        assertEquals("Ada", changes.getJsonObject("name").getString("previous"));
        assertEquals("Ada Lovelace", changes.getJsonObject("name").getString("current"));
        assertEquals("2", changes.getJsonObject("phone").getString("current"));
    }

    @Test
    void failingReceiverIsRetriedUntilItAccepts() throws Exception {
        Endpoint endpoint = subscribe("/hook", "customer.created");
        receiver.respond(500, 500, 500);

        commit(customerCreated("c-4", "Retry"));

        receiver.await(4, WAIT);
        Delivery delivery = awaitFinished(endpoint).get(0);
        assertEquals(DeliveryStatus.SUCCEEDED, delivery.status());
        List<Attempt> attempts = deliveries.attempts(delivery);
        assertEquals(List.of(500, 500, 500, 200), attempts.stream().map(Attempt::statusCode).toList());
        assertNotNull(attempts.get(0).nextAttemptAt(), "a failed attempt says when the next one comes");
        assertNull(attempts.get(3).nextAttemptAt());
        List<Receiver.Received> received = receiver.received();
        assertEquals(1, received.stream().map(r -> json(r.body()).getString("id")).distinct().count(),
                "every retry carries the same event id");
        for (Receiver.Received request : received) {
            assertTrue(ToolbagSignature.verify(endpoint.secret(), request.header("X-Toolbag-Signature"), request.body()));
        }
    }

    @Test
    void aRetryGoesToTheUrlTheEndpointWasGivenMeanwhile() throws Exception {
        Endpoint endpoint = subscribe("/old", "customer.created");
        receiver.respondWhen(r -> r.path().equals("/old"), 500, Map.of());
        commit(customerCreated("moved", "Moved"));
        receiver.await(1, r -> r.path().equals("/old"), WAIT);

        endpoints.update(tenant, endpoint.id(), new Endpoints.Changes(null, receiver.url("/new"), null, null));

        List<Receiver.Received> arrived = receiver.await(1, r -> r.path().equals("/new"), WAIT);
        assertFalse(arrived.isEmpty(), "a retry after the change goes to the new URL: " + receiver);
        Receiver.Received request = arrived.get(0);
        assertTrue(ToolbagSignature.verify(endpoint.secret(), request.header("X-Toolbag-Signature"), request.body()));
        Delivery delivery = awaitFinished(endpoint).get(0);
        assertEquals(DeliveryStatus.SUCCEEDED, delivery.status());
        List<Attempt> attempts = deliveries.attempts(delivery);
        Attempt first = attempts.get(0);
        Attempt last = attempts.get(attempts.size() - 1);
        assertEquals(List.of(receiver.url("/old"), 500), List.of(first.url(), first.statusCode()));
        assertEquals(List.of(receiver.url("/new"), 200), List.of(last.url(), last.statusCode()),
                "the retry after the change went to the new URL");
        assertEquals(1, receiver.received(r -> r.path().equals("/new")).size());
    }

    @Test
    void theHistoryShowsTheBodyAsSentAfterTheFormatChanged() throws Exception {
        Endpoint endpoint = subscribe("/formats", "customer.created");
        commit(customerCreated("c-format", "Format"));
        String sent = receiver.await(1, WAIT).get(0).body();
        Delivery delivery = awaitFinished(endpoint).get(0);

        endpoints.update(tenant, endpoint.id(), new Endpoints.Changes(null, null, null, null, "job-sync", null));

        List<Attempt> attempts = deliveries.attempts(delivery);
        assertEquals(WireFormat.TOOLBAG, attempts.get(0).format());
        assertEquals(sent, deliveries.request(delivery, attempts).body(), "the body in the format it went out in");
    }

    @Test
    void alwaysFailingReceiverExhaustsEightAttempts() throws Exception {
        Endpoint endpoint = subscribe("/hook", "customer.created");
        receiver.respondByDefault(503);

        commit(customerCreated("c-5", "Doomed"));

        Delivery delivery = awaitFinished(endpoint).get(0);
        assertEquals(DeliveryStatus.FAILED, delivery.status());
        assertEquals(8, delivery.attempts());
        assertEquals(8, deliveries.attempts(delivery).size());
        assertEquals(8, receiver.received().size());
        assertEquals(1, endpoints.find(tenant, endpoint.id()).consecutiveFailures());
    }

    @Test
    void fifteenFailedDeliveriesAutoDisableTheEndpointUntilEnabled() throws Exception {
        Endpoint endpoint = subscribe("/hook", "customer.created");
        receiver.respondByDefault(500)
                .respondWhen(r -> r.body().contains("\"Waiting\""), 503, Map.of("Retry-After", "3600"));
        commit(customerCreated("waiting", "Waiting")); // asked to come back in an hour: pending throughout
        receiver.await(1, WAIT);

        transaction.begin();
        for (int i = 0; i < 15; i++) {
            events.fire(customerCreated("doomed-" + i, "Doomed " + i));
        }
        transaction.commit();

        Endpoint disabled = Await.until(Duration.ofSeconds(60), () -> endpoints.find(tenant, endpoint.id()), e -> !e.isActive());
        assertEquals("AUTO_DISABLED", disabled.status().name());
        assertTrue(disabled.disabledReason().contains("15 consecutive failed deliveries"), disabled.disabledReason());
        Delivery waiting = deliveries.search(tenant, DeliveryQuery.ofEndpoint(endpoint.id(), 20)).data().stream()
                .filter(d -> d.status() == DeliveryStatus.PENDING).findFirst().orElseThrow();
        assertEquals(1, waiting.attempts());
        assertTrue(waiting.nextAttemptAt().isAfter(java.time.OffsetDateTime.now().plusMinutes(50)), "Retry-After honoured");

        int sentBefore = receiver.received().size();
        commit(customerCreated("while-off", "WhileOff"));
        Await.pause(3000); // a sweep or two: anything that would be sent to the disabled endpoint would be by now
        assertEquals(sentBefore, receiver.received().size(), "nothing is sent to a disabled endpoint: " + receiver);

        receiver.acceptEverything();
        endpoints.enable(tenant, endpoint.id());
        commit(customerCreated("after", "After"));

        receiver.await(1, r -> r.body().contains("\"After\""), WAIT);
        Delivery resumed = Await.until(WAIT, () -> deliveries.find(tenant, waiting.id()), d -> d.status() != DeliveryStatus.PENDING);
        assertEquals(DeliveryStatus.SUCCEEDED, resumed.status(), "the waiting delivery resumes at once after enabling");
        assertEquals(1, receiver.received(r -> r.body().contains("\"After\"")).size());
        assertTrue(receiver.received(r -> r.body().contains("\"WhileOff\"")).isEmpty(), "events while off are not delivered");
        assertEquals(0, endpoints.find(tenant, endpoint.id()).consecutiveFailures());
    }

    private List<Delivery> awaitFinished(Endpoint endpoint) {
        return Await.until(WAIT, () -> deliveries.search(tenant, DeliveryQuery.ofEndpoint(endpoint.id(), 50)).data(),
                list -> !list.isEmpty() && list.stream().allMatch(d -> d.status() != DeliveryStatus.PENDING));
    }

    private CrmEvent customerCreated(String id, String name) {
        return CrmEvent.of("customer.created", tenant).entity("customer", id)
                .data(Json.createObjectBuilder().add("id", id).add("name", name).build()).build();
    }

    private CrmEvent jobCreated(String id) {
        return CrmEvent.of("job.created", tenant).entity("job", id)
                .data(Json.createObjectBuilder().add("id", id).add("name", "Job " + id).build()).build();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
