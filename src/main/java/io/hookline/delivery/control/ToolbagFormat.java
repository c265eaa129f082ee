package io.hookline.delivery.control;

import io.hookline.event.entity.OutboxEvent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ToolbagCRM's wire format (seed 000): a JSON body with the event id, type, creation time, tenant and data, and
 * {@code X-Toolbag-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>}.
 */
public final class ToolbagFormat {

    static final String USER_AGENT = "Hookline-Webhooks/0.1";

    private ToolbagFormat() {
    }

    public static String body(OutboxEvent event) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("id", event.id())
                .add("type", event.type())
                .add("created_at", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt().withOffsetSameInstant(ZoneOffset.UTC)))
                .add("tenant_id", event.tenantId())
                .add("data", event.data());
        event.changes().ifPresent(changes -> body.add("changes", changes));
        return body.build().toString();
    }

    /** During a secret rotation, {@code secrets} holds the new and the old secret: one {@code v1=} for each. */
    public static Map<String, String> headers(OutboxEvent event, String deliveryId, String body, List<String> secrets,
                                              OffsetDateTime now) {
        long timestamp = now.toEpochSecond();
        String signatures = secrets.stream()
                .map(secret -> "v1=" + Signatures.hmacSha256Hex(secret, timestamp + "." + body))
                .collect(Collectors.joining(","));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Toolbag-Event", event.type());
        headers.put("X-Toolbag-Delivery", deliveryId);
        headers.put("X-Toolbag-Signature", "t=" + timestamp + "," + signatures);
        return headers;
    }
}
