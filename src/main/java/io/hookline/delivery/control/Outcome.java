package io.hookline.delivery.control;

import io.hookline.delivery.entity.Attempt;
import io.hookline.platform.JsonText;
import jakarta.json.JsonObjectBuilder;

import java.time.OffsetDateTime;
import java.util.Map;

/** What a worker reports about a delivery it held; {@link DeliveryOutcomes} records many of these per transaction. */
public sealed interface Outcome {

    String deliveryId();

    /** An attempt was made; what it came to. */
    record Attempted(WebhookRequest request, CallResult result) implements Outcome {

        private static final int ERROR_LENGTH = 1000;

        @Override
        public String deliveryId() {
            return request.deliveryId();
        }

        /** The attempt as it is recorded: where and what was sent (headers, never the secret) and what came back. */
        public Attempt attempt() {
            return new Attempt(request.deliveryId(), request.attemptNumber(), request.uri().toString(),
                    request.format(), result.startedAt(), result.durationMs(), result.statusCode(), result.succeeded(),
                    truncate(result.error()), result.responseExcerpt(), headersJson(request.headers()));
        }

        private static String headersJson(Map<String, String> headers) {
            JsonObjectBuilder json = JsonText.JSON.createObjectBuilder();
            headers.forEach(json::add);
            return json.build().toString();
        }

        private static String truncate(String text) {
            return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
        }
    }

    /** Given back untried (its endpoint or tenant was busy), due again at {@code until}. */
    record Deferred(String deliveryId, String leaseToken, OffsetDateTime until) implements Outcome {
    }
}
