package io.hookline.format.control;

import io.hookline.platform.JsonText;
import jakarta.json.JsonObjectBuilder;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ToolbagCRM (seed 000): {@code {"id","type","created_at","tenant_id","data"}} plus {@code changes}, and
 * {@code X-Toolbag-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>}, one {@code v1=} per secret.
 */
final class ToolbagRenderer implements Renderer {

    @Override
    public String body(WireEvent event) {
        JsonObjectBuilder body = JsonText.JSON.createObjectBuilder()
                .add("id", event.id())
                .add("type", event.type())
                .add("created_at", event.occurredAtIso())
                .add("tenant_id", event.tenantId())
                .add("data", event.data());
        event.changesIfAny().ifPresent(changes -> body.add("changes", changes));
        return body.build().toString();
    }

    @Override
    public Map<String, String> headers(WireEvent event, String deliveryId, String body, List<String> secrets, OffsetDateTime now) {
        long timestamp = now.toEpochSecond();
        String signatures = secrets.stream()
                .map(secret -> "v1=" + Signatures.hmacSha256Hex(secret, timestamp + "." + body))
                .collect(Collectors.joining(","));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Toolbag-Event", event.type());
        headers.put("X-Toolbag-Delivery", deliveryId);
        headers.put("X-Toolbag-Signature", "t=" + timestamp + "," + signatures);
        return headers;
    }
}
