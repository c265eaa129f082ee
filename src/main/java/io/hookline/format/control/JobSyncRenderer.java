package io.hookline.format.control;

import io.hookline.platform.JsonText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Job-sync (seed 003): {@code {"event","timestamp","organizationId","<entity>":{...},"changes":[{"field","oldValue",
 * "newValue"}]}} with {@code changes} on updates only (a job's watched fields named {@code jobName},
 * {@code settings.customer} and {@code settings.insurance}), an {@code X-Webhook-Event} header, and
 * {@code X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body>} when the endpoint signs.
 */
final class JobSyncRenderer implements Renderer {

    /** A job's watched fields under the names seed 003 gives them; other fields and records keep their own. */
    private static final Map<String, String> JOB_FIELDS = Map.of(
            "name", "jobName", "customer", "settings.customer", "insurance", "settings.insurance");

    @Override
    public String body(WireEvent event) {
        JsonObjectBuilder body = JsonText.JSON.createObjectBuilder()
                .add("event", event.type())
                .add("timestamp", event.occurredAtMillis())
                .add("organizationId", event.tenantId())
                .add(event.entityType(), event.data());
        Map<String, String> names = "job".equals(event.entityType()) ? JOB_FIELDS : Map.of();
        event.changesOfUpdate().ifPresent(changes -> body.add("changes", changeList(changes, names)));
        return body.build().toString();
    }

    /** The changes as {@code [{"field","oldValue","newValue"}]}, in the order the fields moved. */
    private static JsonArrayBuilder changeList(JsonObject changes, Map<String, String> names) {
        JsonArrayBuilder list = JsonText.JSON.createArrayBuilder();
        for (Map.Entry<String, JsonValue> change : changes.entrySet()) {
            JsonObject values = change.getValue().asJsonObject();
            String field = names.getOrDefault(change.getKey(), change.getKey());
            list.add(JsonText.JSON.createObjectBuilder().add("field", field)
                    .add("oldValue", values.get("previous")).add("newValue", values.get("current")));
        }
        return list;
    }

    @Override
    public Map<String, String> headers(WireEvent event, String deliveryId, String body, List<String> secrets, OffsetDateTime now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Webhook-Event", event.type());
        headers.putAll(WebhookHeaders.of(event, body, secrets, "sha256="));
        return headers;
    }
}
