package io.hookline.delivery;

import io.hookline.delivery.control.CallResult;
import io.hookline.delivery.control.DeliveryOutcomes;
import io.hookline.delivery.control.Outcome;
import io.hookline.delivery.control.WebhookRequest;
import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.api.CrmEvent;
import io.hookline.platform.Time;
import io.hookline.testing.Deployments;
import io.hookline.testing.InContainerTest;
import io.hookline.testing.StoredDeliveries;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outcomes recorded as the outcomes thread records them, several in one batch: a success moves its delivery on only
 * for the holder of the lease, every attempt is kept, and successes and failures of one endpoint in one batch leave
 * its failure streak as if the successes came first. The deliveries are stored as a hand-over leaves them, with no
 * message sent, so nothing but these calls touches them.
 */
class DeliveryOutcomesIT extends InContainerTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline(DeliveryOutcomesIT.class);
    }

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    StoredDeliveries storedDeliveries;

    @PersistenceContext
    EntityManager em;

    private Endpoint endpoint;

    @BeforeEach
    void subscribe() {
        endpoint = subscribe("/hook", "*");
    }

    @Test
    void aSuccessMovesTheDeliveryOnOnlyForTheHolderOfItsLease() throws Exception {
        Leased held = leased("held");
        Leased lost = leased("lost");
        Leased retried = leased("retried");

        outcomes.recordAll(List.of(
                attempted(held, held.token(), 1, 200),
                attempted(lost, "the token of a lease that ran out", 1, 200),
                attempted(retried, retried.token(), 1, 500)));

        Delivery succeeded = deliveries.find(tenant, held.id());
        assertEquals(DeliveryStatus.SUCCEEDED, succeeded.status());
        assertEquals(1, succeeded.attempts());
        assertNotNull(succeeded.completedAt());
        assertNull(succeeded.nextAttemptAt());
        Attempt attempt = deliveries.attempts(succeeded).get(0);
        assertTrue(attempt.succeeded());
        assertEquals(200, attempt.statusCode());
        assertEquals("{\"webhook-id\":\"" + held.id() + "\"}", attempt.requestHeaders());

        Delivery stillHeld = deliveries.find(tenant, lost.id());
        assertEquals(DeliveryStatus.PENDING, stillHeld.status(), "another worker holds it now");
        assertEquals(0, stillHeld.attempts());
        assertTrue(stillHeld.isHeldBy(lost.token()));
        assertEquals(1, deliveries.attempts(stillHeld).size(), "the attempt is history all the same");

        Delivery retry = deliveries.find(tenant, retried.id());
        assertEquals(DeliveryStatus.PENDING, retry.status());
        assertEquals(1, retry.attempts());
        assertTrue(retry.nextAttemptAt().isAfter(Time.now()));
        assertFalse(retry.isHeldBy(retried.token()), "given back until its retry");

        Endpoint after = endpoints.find(tenant, endpoint.id());
        assertNotNull(after.lastSuccessAt());
        assertNotNull(after.lastFailureAt());
        assertEquals(0, after.consecutiveFailures(), "a failed attempt that will be retried is no failed delivery");
    }

    @Test
    void aBatchOfSuccessesAndAnExhaustedDeliveryCountsTheFailureAfterTheSuccesses() throws Exception {
        transaction.begin();
        Endpoint failing = em.find(Endpoint.class, endpoint.id());
        for (int i = 0; i < 5; i++) {
            failing.recordFailedDelivery(Time.now(), 15);
        }
        transaction.commit();
        Leased first = leased("first");
        Leased exhausted = leased("exhausted");
        Leased second = leased("second");

        outcomes.recordAll(List.of(
                attempted(first, first.token(), 1, 204),
                attempted(exhausted, exhausted.token(), 8, 503),
                attempted(second, second.token(), 1, 200)));

        assertEquals(DeliveryStatus.SUCCEEDED, deliveries.find(tenant, first.id()).status());
        assertEquals(DeliveryStatus.SUCCEEDED, deliveries.find(tenant, second.id()).status());
        assertEquals(DeliveryStatus.FAILED, deliveries.find(tenant, exhausted.id()).status());
        Endpoint after = endpoints.find(tenant, endpoint.id());
        assertEquals(1, after.consecutiveFailures(), "reset by the successes, then one failed delivery");
        assertNotNull(after.lastSuccessAt());
    }

    private record Leased(String id, String token) {
    }

    /** A delivery as a hand-over leaves it: pending and leased, its message never sent. */
    private Leased leased(String eventId) throws Exception {
        AtomicReference<String> token = new AtomicReference<>();
        Delivery delivery = storedDeliveries.store(CrmEvent.of("contact.created", tenant).entity("contact", eventId)
                        .data(Json.createObjectBuilder().add("id", eventId).build()).build(), endpoint,
                handedOver -> token.set(handedOver.handOver(Time.now(), LEASE)));
        return new Leased(delivery.id(), token.get());
    }

    private Outcome attempted(Leased delivery, String token, int attemptNumber, int status) {
        WebhookRequest request = new WebhookRequest(delivery.id(), endpoint.id(), token, attemptNumber,
                URI.create(endpoint.url()), endpoint.format(), Map.of("webhook-id", delivery.id()), "{}");
        return new Outcome.Attempted(request, CallResult.response(Time.now(), 3, status, "", Optional.empty()));
    }
}
