package io.hookline.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** One attempt, in three steps: prepare (claim and sign), call, record the outcome. No transaction spans the call. */
@ApplicationScoped
public class DeliveryWorker {

    @Inject
    DeliveryPreparation preparation;

    @Inject
    WebhookClient client;

    @Inject
    DeliveryOutcomes outcomes;

    public void attempt(String deliveryId, String leaseToken) {
        preparation.prepare(deliveryId, leaseToken)
                .ifPresent(request -> outcomes.record(request, client.post(request)));
    }
}
