package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * "Send test" (seed 000): a signed {@code webhook.test} event to one endpoint, attempted at once in the caller's
 * thread so the admin sees the answer. Recorded like any delivery, sent only to this endpoint, never retried.
 */
@ApplicationScoped
public class TestSends {

    /** What the admin is told; {@code result} is empty when nothing was sent (a preview-only workspace). */
    public record Outcome(Delivery delivery, Optional<CallResult> result) {
    }

    @Inject
    TestDeliveries testDeliveries;

    @Inject
    DeliveryWorker worker;

    @Inject
    Deliveries deliveries;

    public Outcome send(String tenantId, String endpointId) {
        TestDeliveries.Opened opened = testDeliveries.open(tenantId, endpointId);
        Optional<CallResult> result = opened.leaseToken().flatMap(token -> worker.attempt(opened.deliveryId(), token));
        return new Outcome(deliveries.find(tenantId, opened.deliveryId()), result);
    }
}
