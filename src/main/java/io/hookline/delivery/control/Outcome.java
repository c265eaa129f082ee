package io.hookline.delivery.control;

import java.time.OffsetDateTime;

/** What a worker reports about a delivery it held; {@link DeliveryOutcomes} records many of these per transaction. */
public sealed interface Outcome {

    String deliveryId();

    /** An attempt was made; what it came to. */
    record Attempted(WebhookRequest request, CallResult result) implements Outcome {

        @Override
        public String deliveryId() {
            return request.deliveryId();
        }
    }

    /** Given back untried (its endpoint or tenant was busy), due again at {@code until}. */
    record Deferred(String deliveryId, String leaseToken, OffsetDateTime until) implements Outcome {
    }
}
