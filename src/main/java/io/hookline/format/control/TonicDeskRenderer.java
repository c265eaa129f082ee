package io.hookline.format.control;

import io.hookline.platform.JsonText;
import jakarta.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Tonic Desk (seed 002): {@code {"event","timestamp","data":{...the record}}} and
 * {@code X-Webhook-Signature: <hex HMAC-SHA256 of the body>} when the endpoint signs. The seed tells receivers to
 * deduplicate on the event id, so {@code X-Webhook-Id} carries it.
 */
final class TonicDeskRenderer implements Renderer {

    static final String STAGE_CHANGED = "deal.stage_changed";

    @Override
    public String body(WireEvent event) {
        return JsonText.JSON.createObjectBuilder()
                .add("event", event.type())
                .add("timestamp", event.occurredAtSeconds())
                .add("data", data(event))
                .build().toString();
    }

    /** A stage move names the stage left behind as {@code previous_stage}, taken from the changes if the module did not. */
    private static JsonObject data(WireEvent event) {
        JsonObject data = event.data();
        if (!event.type().equals(STAGE_CHANGED) || data.containsKey("previous_stage")) {
            return data;
        }
        return event.changesIfAny().map(changes -> changes.getJsonObject("stage"))
                .map(stage -> JsonText.JSON.createObjectBuilder(data).add("previous_stage", stage.get("previous")).build())
                .orElse(data);
    }

    @Override
    public Map<String, String> headers(WireEvent event, String deliveryId, String body, List<String> secrets, OffsetDateTime now) {
        return WebhookHeaders.of(event, body, secrets, "");
    }
}
