package io.hookline.crm;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A record as JSON, the {@code data} of its events. Absent values stay in as JSON null, so every snapshot of a kind
 * of record has the same keys and two snapshots compare field by field.
 */
public final class Snapshot {

    /** Found once: jakarta.json.Json's factory methods look the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final JsonObjectBuilder json = JSON.createObjectBuilder();

    public Snapshot add(String key, String value) {
        return add(key, value == null ? null : JSON.createValue(value));
    }

    public Snapshot add(String key, BigDecimal value) {
        return add(key, value == null ? null : JSON.createValue(value));
    }

    /** As an ISO-8601 UTC instant, whatever offset the database handed back. */
    public Snapshot add(String key, OffsetDateTime value) {
        return add(key, value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value));
    }

    public Snapshot add(String key, JsonValue value) {
        json.add(key, value == null ? JsonValue.NULL : value);
        return this;
    }

    public JsonObject build() {
        return json.build();
    }
}
