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

    /** @return what the call came to, or empty when there was nothing to attempt (stale token, endpoint off) */
    public Optional<CallResult> attempt(String deliveryId, String leaseToken) {
        return preparation.prepare(deliveryId, leaseToken).map(request -> {
            CallResult result = client.post(request);
            outcomes.record(request, result);
            return result;
        });
    }
}
