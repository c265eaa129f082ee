package io.hookline.format.control;

import io.hookline.platform.JsonText;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Customermates (seeds 001 and 004): {@code {"event","data":{"userId","companyId","entityId","payload":{"<entity>":
 * {...},"changes":{...}}},"timestamp"}} with {@code changes} on {@code *.updated} only, and
 * {@code X-Webhook-Signature: <hex HMAC-SHA256 of the body>} when the endpoint signs.
 */
final class CustomermatesRenderer implements Renderer {

    @Override
    public String body(WireEvent event) {
        JsonObjectBuilder payload = JsonText.JSON.createObjectBuilder().add(event.entityType(), event.data());
        event.changesOfUpdate().ifPresent(changes -> payload.add("changes", changes));
        return JsonText.JSON.createObjectBuilder()
                .add("event", event.type())
                .add("data", JsonText.JSON.createObjectBuilder()
                        .add("userId", event.actorId() == null ? JsonValue.NULL : JsonText.JSON.createValue(event.actorId()))
                        .add("companyId", event.tenantId())
                        .add("entityId", event.entityId())
                        .add("payload", payload))
                .add("timestamp", event.occurredAtMillis())
                .build().toString();
    }

    @Override
    public Map<String, String> headers(WireEvent event, String deliveryId, String body, List<String> secrets, OffsetDateTime now) {
        return WebhookHeaders.of(event, body, secrets, "");
    }
}
