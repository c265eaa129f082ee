package io.hookline.delivery.boundary;

import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.platform.JsonText;
import jakarta.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;

/** A delivery as the API shows it; {@code attempts} is filled only when one delivery is asked for. */
public record DeliveryView(String id, String eventId, String eventType, String endpointId, String url,
                           DeliveryStatus status, int attemptCount, OffsetDateTime nextAttemptAt,
                           OffsetDateTime createdAt, OffsetDateTime completedAt, List<AttemptView> attempts) {

    /** One attempt, with the request headers as they were sent. */
    public record AttemptView(int number, OffsetDateTime attemptedAt, long durationMs, Integer statusCode,
                              boolean succeeded, String error, String responseExcerpt, JsonObject requestHeaders,
                              OffsetDateTime nextAttemptAt) {

        static AttemptView of(Attempt attempt) {
            return new AttemptView(attempt.number(), attempt.attemptedAt(), attempt.durationMs(), attempt.statusCode(),
                    attempt.succeeded(), attempt.error(), attempt.responseExcerpt(),
                    JsonText.read(attempt.requestHeaders()).asJsonObject(), attempt.nextAttemptAt());
        }
    }

    static DeliveryView of(Delivery delivery, List<Attempt> attempts) {
        return new DeliveryView(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.endpointId(),
                delivery.url(), delivery.status(), delivery.attempts(), delivery.nextAttemptAt(),
                delivery.createdAt(), delivery.completedAt(),
                attempts == null ? null : attempts.stream().map(AttemptView::of).toList());
    }
}
