package io.hookline.format.control;

import io.hookline.event.entity.OutboxEvent;
import jakarta.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What the formats render: a committed event as plain values, so a rendering depends on nothing but its inputs.
 *
 * @param changes field to {@code {"previous","current"}}, or null when the event carries none
 */
public record WireEvent(String id, String type, String tenantId, String entityType, String entityId, String actorId,
                        OffsetDateTime occurredAt, JsonObject data, JsonObject changes) {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    public static WireEvent of(OutboxEvent event) {
        return new WireEvent(event.id(), event.type(), event.tenantId(), event.entityType(), event.entityId(),
                event.actorId(), event.occurredAt(), event.data(), event.changes().orElse(null));
    }

    Optional<JsonObject> changesIfAny() {
        return Optional.ofNullable(changes);
    }

    /** The changes of a {@code *.updated} event, for formats whose seeds send changes only on those. */
    Optional<JsonObject> changesOfUpdate() {
        return type.endsWith(".updated") ? changesIfAny() : Optional.empty();
    }

    /** When it happened, ISO-8601 in UTC at the precision stored ({@code 2026-03-03T14:30:00.123456Z}). */
    String occurredAtIso() {
        return DateTimeFormatter.ISO_INSTANT.format(utc());
    }

    /** As JavaScript's {@code toISOString()} writes it, for the formats whose seeds show that. */
    String occurredAtMillis() {
        return MILLIS.format(utc());
    }

    /** Whole seconds, as seed 002 shows it. */
    String occurredAtSeconds() {
        return DateTimeFormatter.ISO_INSTANT.format(utc().truncatedTo(ChronoUnit.SECONDS));
    }

    private OffsetDateTime utc() {
        return occurredAt.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
