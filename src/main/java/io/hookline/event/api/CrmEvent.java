package io.hookline.event.api;

import jakarta.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A change to a CRM record, as a module fires it: {@code events.fire(CrmEvent.of("customer.created", ...).build())}.
 *
 * @param type       a type from the event catalog, such as {@code customer.updated}; unknown types fail the fire
 * @param tenantId   the account the record belongs to; only that tenant's endpoints receive the event
 * @param entityType the kind of record, such as {@code customer}
 * @param entityId   the record's id
 * @param actorId    the user who made the change (at most {@value #MAX_ACTOR_LENGTH} characters), or null for system
 *                   changes
 * @param occurredAt when the change happened
 * @param data       the record as it is now
 * @param changes    for updates, the fields that actually moved; empty otherwise
 */
public record CrmEvent(String type, String tenantId, String entityType, String entityId, String actorId,
                       OffsetDateTime occurredAt, JsonObject data, List<FieldChange> changes) {

    /** The longest actor id the outbox stores; a longer one fails the fire rather than the commit. */
    public static final int MAX_ACTOR_LENGTH = 100;

    public CrmEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(data, "data");
        if (actorId != null && actorId.length() > MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("actorId: at most " + MAX_ACTOR_LENGTH + " characters");
        }
        occurredAt = occurredAt == null ? OffsetDateTime.now(ZoneOffset.UTC) : occurredAt;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static Builder of(String type, String tenantId) {
        return new Builder(type, tenantId);
    }

    /** Fluent construction for modules, so optional parts can be left out. */
    public static final class Builder {
        private final String type;
        private final String tenantId;
        private String entityType;
        private String entityId;
        private String actorId;
        private OffsetDateTime occurredAt;
        private JsonObject data;
        private List<FieldChange> changes = List.of();

        private Builder(String type, String tenantId) {
            this.type = type;
            this.tenantId = tenantId;
        }

        public Builder entity(String entityType, String entityId) {
            this.entityType = entityType;
            this.entityId = entityId;
            return this;
        }

        public Builder actor(String actorId) {
            this.actorId = actorId;
            return this;
        }

        public Builder occurredAt(OffsetDateTime occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder data(JsonObject data) {
            this.data = data;
            return this;
        }

        public Builder changes(List<FieldChange> changes) {
            this.changes = changes;
            return this;
        }

        public CrmEvent build() {
            return new CrmEvent(type, tenantId, entityType, entityId, actorId, occurredAt, data, changes);
        }
    }
}
