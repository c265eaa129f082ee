package io.hookline.delivery.boundary;

import io.hookline.delivery.control.TestSends;

/** The answer to "Send test": whether the endpoint accepted the signed test event, and what it said. */
public record TestSendView(boolean delivered, String deliveryId, String eventId, Integer statusCode, Long durationMs,
                           String responseExcerpt, String error) {

    static TestSendView of(TestSends.Outcome outcome) {
        var delivery = outcome.delivery();
        return outcome.result()
                .map(result -> new TestSendView(result.succeeded(), delivery.id(), delivery.eventId(), result.statusCode(),
                        result.durationMs(), result.responseExcerpt(), result.error()))
                .orElseGet(() -> new TestSendView(false, delivery.id(), delivery.eventId(), null, null, null,
                        delivery.statusReason()));
    }
}
