package io.hookline.format.control;

import io.hookline.format.entity.StandardWebhooksSecret;
import io.hookline.platform.JsonText;
import jakarta.json.JsonObjectBuilder;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Standard Webhooks (standardwebhooks.com): {@code {"type","timestamp","data"}} plus {@code changes} on events that
 * carry them, {@code webhook-id} (the event id), {@code webhook-timestamp} and {@code webhook-signature:
 * v1,<base64 HMAC-SHA256 of id.timestamp.body>}, space-separated, one per whsec_ secret.
 */
final class StandardWebhooksRenderer implements Renderer {

    @Override
    public String body(WireEvent event) {
        JsonObjectBuilder body = JsonText.JSON.createObjectBuilder()
                .add("type", event.type())
                .add("timestamp", event.occurredAtIso())
                .add("data", event.data());
        event.changesIfAny().ifPresent(changes -> body.add("changes", changes));
        return body.build().toString();
    }

    /** A previous secret made before the endpoint moved to this format may not be a whsec_ one: it is left out. */
    @Override
    public Map<String, String> headers(WireEvent event, String deliveryId, String body, List<String> secrets, OffsetDateTime now) {
        long timestamp = now.toEpochSecond();
        String signed = event.id() + "." + timestamp + "." + body;
        String signatures = secrets.stream().map(StandardWebhooksSecret::key).flatMap(Optional::stream)
                .map(key -> "v1," + Signatures.hmacSha256Base64(key, signed))
                .collect(Collectors.joining(" "));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", event.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signatures);
        return headers;
    }
}
