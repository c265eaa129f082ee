package io.hookline.delivery.control;

import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.platform.SafeText;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Last step of an attempt: record it, then exactly one handler moves the delivery and its endpoint on:
 * succeeded, retry later, or exhausted.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class.getName());
    private static final int ERROR_LENGTH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Endpoints endpoints;

    @Inject
    RetryPolicy retryPolicy;

    @Inject
    DeliverySettings settings;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(WebhookRequest request, CallResult result) {
        Delivery delivery = em.find(Delivery.class, request.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        Attempt attempt = new Attempt(delivery.id(), request.attemptNumber(), result.startedAt(), result.durationMs(),
                result.statusCode(), result.succeeded(), truncate(result.error()), result.responseExcerpt(),
                headersJson(request.headers()));
        em.persist(attempt);
        if (!delivery.isHeldBy(request.attemptToken())) {
            return; // the lease ran out and another worker owns the delivery now; this attempt is history only
        }
        OffsetDateTime now = Time.now();
        if (delivery.isTest()) {
            tested(delivery, result, now);
            return;
        }
        if (result.succeeded()) {
            delivery.succeeded(now);
            endpoints.recordSuccess(delivery.endpointId(), now);
            return;
        }
        Endpoint endpoint = endpoints.lock(delivery.endpointId());
        Optional<Duration> delay = retryPolicy.delayAfter(request.attemptNumber(), result.retryAfter());
        if (delay.isPresent()) {
            retry(delivery, attempt, endpoint, now.plus(delay.get()), now);
        } else {
            exhausted(delivery, endpoint, now, result.error());
        }
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

    private static String headersJson(Map<String, String> headers) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        headers.forEach(json::add);
        return json.build().toString();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }
}
