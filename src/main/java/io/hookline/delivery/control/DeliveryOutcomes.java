package io.hookline.delivery.control;

import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.platform.SafeText;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Last step of an attempt: record it, then exactly one handler moves the delivery and its endpoint on:
 * succeeded, retry later, or exhausted. Workers' outcomes are batched (see {@link PipelineBatches}), many per
 * transaction.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Endpoints endpoints;

    @Inject
    RetryPolicy retryPolicy;

    @Inject
    DeliverySettings settings;

    @Inject
    DeliveryLocks locks;

    @Inject
    HeldSuccesses heldSuccesses;

    /** One attempt's outcome, in a transaction of its own (a test send waits for it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(WebhookRequest request, CallResult result) {
        apply(List.of(new Outcome.Attempted(request, result)));
    }

    /** Many workers' outcomes in one transaction: deliveries locked in id order, then the endpoints failures touch. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAll(List<Outcome> outcomes) {
        apply(outcomes);
    }

    /**
     * Successes of held deliveries first, written without reading (see {@link HeldSuccesses}); then everything else
     * the locked way: its deliveries locked in id order, then the endpoints its failures touch. The successes' endpoints
     * among those are reset through the locked entity before any failure counts; the others by one update each.
     */
    private void apply(List<Outcome> outcomes) {
        OffsetDateTime now = Time.now();
        List<Outcome.Attempted> recorded = heldSuccesses.record(outcomes.stream()
                .filter(outcome -> outcome instanceof Outcome.Attempted attempted && attempted.result().succeeded())
                .map(Outcome.Attempted.class::cast).toList(), now);
        Set<Outcome> done = Collections.newSetFromMap(new IdentityHashMap<>());
        done.addAll(recorded);
        List<Outcome> rest = outcomes.stream().filter(outcome -> !done.contains(outcome)).toList();

        Map<String, Delivery> deliveries = locks.lock(rest.stream().map(Outcome::deliveryId).toList());
        Map<String, Endpoint> failing = lockFailingEndpoints(rest, deliveries);
        Set<String> succeeded = new TreeSet<>();
        recorded.forEach(outcome -> succeeded.add(outcome.request().endpointId()));
        succeeded.stream().map(failing::get).filter(Objects::nonNull).forEach(endpoint -> endpoint.recordSuccess(now));
        for (Outcome outcome : rest) {
            Delivery delivery = deliveries.get(outcome.deliveryId());
            if (outcome instanceof Outcome.Deferred deferred) {
                delivery.defer(deferred.leaseToken(), deferred.until());
            } else if (attempted(delivery, (Outcome.Attempted) outcome, failing, now)) {
                succeeded.add(delivery.endpointId());
            }
        }
        succeeded.removeAll(failing.keySet()); // those rows are locked entities here: updated through them
        succeeded.forEach(endpointId -> endpoints.recordSuccess(endpointId, now));
    }

    /** Endpoints whose failure streak changes in this batch, locked in id order (deliveries were locked first). */
    private Map<String, Endpoint> lockFailingEndpoints(List<Outcome> outcomes, Map<String, Delivery> deliveries) {
        Map<String, Endpoint> failing = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Attempted attempted && !attempted.result().succeeded()) {
                Delivery delivery = deliveries.get(outcome.deliveryId());
                if (!delivery.isTest() && delivery.isHeldBy(attempted.request().attemptToken())) {
                    failing.put(delivery.endpointId(), null);
                }
            }
        }
        failing.replaceAll((endpointId, none) -> endpoints.lock(endpointId));
        return failing;
    }

    /**
     * Records the attempt, then exactly one handler moves the delivery on: succeeded, retry later, or exhausted.
     * @return whether it succeeded with an endpoint not locked here, whose streak is reset by one update per batch
     */
    private boolean attempted(Delivery delivery, Outcome.Attempted outcome, Map<String, Endpoint> failing, OffsetDateTime now) {
        WebhookRequest request = outcome.request();
        CallResult result = outcome.result();
        Attempt attempt = outcome.attempt();
        em.persist(attempt);
        if (!delivery.isHeldBy(request.attemptToken())) {
            return false; // the lease ran out and another worker owns the delivery now; this attempt is history only
        }
        if (delivery.isTest()) {
            tested(delivery, result, now);
            return false;
        }
        Endpoint endpoint = failing.get(delivery.endpointId());
        if (result.succeeded()) {
            delivery.succeeded(now);
            if (endpoint == null) {
                return true;
            }
            endpoint.recordSuccess(now);
            return false;
        }
        Optional<Duration> delay = retryPolicy.delayAfter(request.attemptNumber(), result.retryAfter());
        if (delay.isPresent()) {
            retry(delivery, attempt, endpoint, now.plus(delay.get()), now);
        } else {
            exhausted(delivery, endpoint, now, result.error());
        }
        return false;
    }

    /** A test says how the endpoint answers; it neither retries nor changes the endpoint's health. */
    private void tested(Delivery delivery, CallResult result, OffsetDateTime now) {
        if (result.succeeded()) {
            delivery.succeeded(now);
        } else {
            delivery.failed(now);
        }
    }

    private void retry(Delivery delivery, Attempt attempt, Endpoint endpoint, OffsetDateTime next, OffsetDateTime now) {
        delivery.retryAt(next);
        attempt.retryAt(next);
        endpoint.recordFailedAttempt(now);
    }

    /** Logged, with the receiver's words made harmless: they could hold line breaks that forge log lines. */
    private void exhausted(Delivery delivery, Endpoint endpoint, OffsetDateTime now, String lastError) {
        delivery.failed(now);
        LOG.info(() -> "Delivery " + delivery.id() + " to endpoint " + endpoint.id() + " failed after " + delivery.attempts()
                + " attempts; last error: " + SafeText.oneLine(lastError, 300));
        endpoint.recordFailedDelivery(now, settings.autoDisableAfter());
    }
}
