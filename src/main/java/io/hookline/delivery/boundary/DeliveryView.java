package io.hookline.delivery.boundary;

import io.hookline.delivery.control.SentRequest;
import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.event.boundary.EventView;
import io.hookline.platform.JsonText;
import jakarta.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A delivery as the API shows it. Listings carry the summary; one delivery asked for by id also carries its event,
 * the body as sent and every attempt (with the headers sent; signatures, never secrets).
 */
public record DeliveryView(String id, String eventId, String eventType, String endpointId, String url,
                           DeliveryStatus status, String statusReason, int attemptCount, OffsetDateTime nextAttemptAt,
                           OffsetDateTime createdAt, OffsetDateTime completedAt, EventView event, String body,
                           List<AttemptView> attempts) {

    /**
     * One attempt: where and in which wire format it was sent (null for attempts older than that record), and the
     * request headers as sent.
     */
    public record AttemptView(int number, String url, String format, OffsetDateTime attemptedAt, long durationMs,
                              Integer statusCode, boolean succeeded, String error, String responseExcerpt,
                              JsonObject requestHeaders, OffsetDateTime nextAttemptAt) {

        static AttemptView of(Attempt attempt) {
            String format = attempt.format() == null ? null : attempt.format().id();
            return new AttemptView(attempt.number(), attempt.url(), format, attempt.attemptedAt(), attempt.durationMs(),
                    attempt.statusCode(), attempt.succeeded(), attempt.error(), attempt.responseExcerpt(),
                    JsonText.read(attempt.requestHeaders()).asJsonObject(), attempt.nextAttemptAt());
        }
    }

    static DeliveryView summary(Delivery delivery) {
        return view(delivery, null, null, null);
    }

    static DeliveryView detail(Delivery delivery, List<Attempt> attempts, SentRequest request) {
        return view(delivery, EventView.of(request.event()), request.body(), attempts.stream().map(AttemptView::of).toList());
    }

    private static DeliveryView view(Delivery delivery, EventView event, String body, List<AttemptView> attempts) {
        return new DeliveryView(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.endpointId(),
                delivery.url(), delivery.status(), delivery.statusReason(), delivery.attempts(), delivery.nextAttemptAt(),
                delivery.createdAt(), delivery.completedAt(), event, body, attempts);
    }
}
