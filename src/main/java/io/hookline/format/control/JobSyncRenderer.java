package io.hookline.format.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Job-sync (seed 003): {@code {"event","timestamp","organizationId","<entity>":{...},"changes":[{"field","oldValue",
 * "newValue"}]}} with {@code changes} on updates only, an {@code X-Webhook-Event} header, and
 * {@code X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body>} when the endpoint signs.
 */
final class JobSyncRenderer implements Renderer {

    @Override
    public String body(WireEvent event) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("event", event.type())
                .add("timestamp", event.occurredAtMillis())
                .add("organizationId", event.tenantId())
                .add(event.entityType(), event.data());
        event.changesOfUpdate().ifPresent(changes -> body.add("changes", event.changeList(changes)));
        return body.build().toString();
    }

    @Override
    public Map<String, String> headers(WireEvent event, String deliveryId, String body, List<String> secrets, OffsetDateTime now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Webhook-Event", event.type());
        headers.put(WireFormats.EVENT_ID_HEADER, event.id());
        Signatures.currentBodyHex(secrets, body).ifPresent(hex -> headers.put(WireFormats.SIGNATURE_HEADER, "sha256=" + hex));
        return headers;
    }
}
