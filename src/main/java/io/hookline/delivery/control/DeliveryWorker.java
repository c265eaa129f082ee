package io.hookline.delivery.control;

import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One attempt, in three steps: prepare (claim if need be, and sign), call, record the outcome. No transaction spans
 * the call; claims and outcomes of concurrent workers share transactions (see {@link PipelineBatches}).
 */
@ApplicationScoped
public class DeliveryWorker {

    @Inject
    PipelineBatches batches;

    @Inject
    DeliveryPreparation preparation;

    @Inject
    WebhookClient client;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    ConcurrencyLimits limits;

    /**
     * A queued delivery, attempted within its endpoint's and tenant's concurrency limits: now, or later from the
     * line (by whichever worker frees a place), or, when the line is full, deferred without counting an attempt.
     */
    public void attemptQueued(HandOver handOver) {
        if (!limits.submit(handOver, this::attemptHandedOver)) {
            OffsetDateTime until = Time.now().plus(limits.deferral(handOver));
            batches.record(new Outcome.Deferred(handOver.deliveryId(), handOver.leaseToken(), until));
        }
    }

    private void attemptHandedOver(HandOver handOver) {
        batches.read(handOver).or(() -> batches.claim(handOver)).map(UnsignedRequest::sign)
                .ifPresent(request -> batches.record(new Outcome.Attempted(request, client.post(request))));
    }

    /** An attempt on its own (a test send): claimed and recorded in transactions of its own, straight away. */
    public Optional<CallResult> attempt(String deliveryId, String leaseToken) {
        return preparation.prepare(deliveryId, leaseToken).map(UnsignedRequest::sign).map(request -> {
            CallResult result = client.post(request);
            outcomes.record(request, result);
            return result;
        });
    }
}
