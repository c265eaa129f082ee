package io.hookline.event.entity;

import io.hookline.event.api.CrmEvent;
import io.hookline.event.api.FieldChange;
import io.hookline.platform.Ids;
import io.hookline.platform.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A CRM event as committed: written in the CRM's own transaction, so it exists exactly when the change does.
 * Its id is the event id receivers see, the same across every delivery, retry and resend.
 */
@Entity
@Table(name = "outbox_event", indexes = @Index(name = "outbox_event_status_created", columnList = "status, created_at"))
@NamedQuery(name = OutboxEvent.STRANDED, query = "select e.id from OutboxEvent e"
        + " where e.status = io.hookline.event.entity.OutboxStatus.PENDING and e.createdAt < :before order by e.createdAt")
@NamedQuery(name = OutboxEvent.REFS, query = "select new io.hookline.event.entity.EventRef(e.id, e.tenantId, e.type,"
        + " e.createdAt) from OutboxEvent e where e.id in :ids")
public class OutboxEvent {

    public static final String STRANDED = "OutboxEvent.stranded";
    public static final String REFS = "OutboxEvent.refs";
    /** The columns of {@link #columnValues()}: all but the status and when it was dispatched. */
    public static final String COLUMNS = "id, tenant_id, type, entity_type, entity_id, actor_id, occurred_at, data, changes, created_at";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, length = 100)
    private String type;

    @Column(name = "entity_type", nullable = false, length = 100)
    private String entityType;

    @Column(name = "entity_id", nullable = false, length = 100)
    private String entityId;

    @Column(name = "actor_id", length = 100)
    private String actorId;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Lob
    @Column(nullable = false)
    private String data;

    /** JSON object of field to {previous, current}; null when the event carries no changes. */
    @Lob
    private String changes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OutboxStatus status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "dispatched_at")
    private OffsetDateTime dispatchedAt;

    protected OutboxEvent() {
    }

    public static OutboxEvent record(CrmEvent event, OffsetDateTime now) {
        OutboxEvent row = new OutboxEvent();
        row.id = Ids.newId();
        row.tenantId = event.tenantId();
        row.type = event.type();
        row.entityType = event.entityType();
        row.entityId = event.entityId();
        row.actorId = event.actorId();
        row.occurredAt = event.occurredAt();
        row.data = JsonText.write(event.data());
        row.changes = event.changes().isEmpty() ? null : JsonText.write(changesObject(event));
        row.status = OutboxStatus.PENDING;
        row.createdAt = now;
        return row;
    }

    private static JsonObject changesObject(CrmEvent event) {
        JsonObjectBuilder changes = JsonText.JSON.createObjectBuilder();
        for (FieldChange change : event.changes()) {
            changes.add(change.field(), JsonText.JSON.createObjectBuilder()
                    .add("previous", change.previous())
                    .add("current", change.current()));
        }
        return changes.build();
    }

    /**
     * The values of {@link #COLUMNS}, for the statement that writes a recorded event and decides its status in one go
     * (see {@code Outbox.record}).
     */
    public List<Object> columnValues() {
        return Arrays.asList(id, tenantId, type, entityType, entityId, actorId, occurredAt, data, changes, createdAt);
    }

    public EventRef ref() {
        return new EventRef(id, tenantId, type, createdAt);
    }

    private boolean isPending() {
        return status == OutboxStatus.PENDING;
    }

    public void markDispatched(OffsetDateTime now) {
        if (!isPending()) {
            throw new IllegalStateException("event " + id + " was already dispatched");
        }
        status = OutboxStatus.DISPATCHED;
        dispatchedAt = now;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String type() {
        return type;
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }

    public String actorId() {
        return actorId;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OutboxStatus status() {
        return status;
    }

    public JsonObject data() {
        return JsonText.read(data).asJsonObject();
    }

    public Optional<JsonObject> changes() {
        return Optional.ofNullable(changes).map(text -> JsonText.read(text).asJsonObject());
    }
}
