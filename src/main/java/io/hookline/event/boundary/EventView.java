package io.hookline.event.boundary;

import io.hookline.event.entity.OutboxEvent;
import jakarta.json.JsonObject;

import java.time.OffsetDateTime;

/** A committed event as the API shows it: the canonical form every wire format renders from. */
public record EventView(String id, String type, String tenantId, String entityType, String entityId, String actorId,
                        OffsetDateTime occurredAt, JsonObject data, JsonObject changes) {

    public static EventView of(OutboxEvent event) {
        return new EventView(event.id(), event.type(), event.tenantId(), event.entityType(), event.entityId(),
                event.actorId(), event.occurredAt(), event.data(), event.changes().orElse(null));
    }
}
