package io.hookline.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** One attempt, in three steps: prepare (claim and sign), call, record the outcome. No transaction spans the call. */
@ApplicationScoped
public class DeliveryWorker {

    @Inject
    DeliveryPreparation preparation;

    @Inject
    WebhookClient client;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    DueDeliveries dueDeliveries;

    @Inject
    ConcurrencyLimits limits;

    /**
     * A queued delivery, attempted only while its endpoint and tenant are under their concurrency limits; otherwise it
     * is deferred (not failed), so slow receivers cannot take every worker.
     */
    public void attemptQueued(String deliveryId, String leaseToken) {
        dueDeliveries.recipient(deliveryId).ifPresent(recipient -> {
            if (!limits.tryAcquire(recipient.tenantId(), recipient.endpointId())) {
                dueDeliveries.deferBusy(deliveryId, leaseToken);
                return;
            }
            try {
                attempt(deliveryId, leaseToken);
            } finally {
                limits.release(recipient.tenantId(), recipient.endpointId());
            }
        });
    }

    /** @return what the call came to, or empty when there was nothing to attempt (stale token, endpoint off) */
    public Optional<CallResult> attempt(String deliveryId, String leaseToken) {
        return preparation.prepare(deliveryId, leaseToken).map(request -> {
            CallResult result = client.post(request);
            outcomes.record(request, result);
            return result;
        });
    }
}
