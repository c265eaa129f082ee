package io.hookline.crm;

import io.hookline.event.api.FieldChange;
import io.hookline.platform.Ids;
import io.hookline.platform.ProblemException;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What every CRM record has: an id, the tenant it belongs to, a required name and its timestamps. It also owns the
 * rule that {@code updatedAt} moves only when a field actually moved, and tells which fields those were, judged on
 * the record's own snapshot so that the changes of an event always match its data.
 */
@MappedSuperclass
public abstract class CrmRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64, updatable = false)
    private String tenantId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected CrmRecord() {
    }

    protected CrmRecord(String tenantId, String name, OffsetDateTime now) {
        this.id = Ids.newId();
        this.tenantId = tenantId;
        rename(name);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The kind of record, as events name it: {@code customer}, {@code job}, {@code deal}. */
    public abstract String entityType();

    /** Adds the fields particular to this kind of record, in the order they should appear. */
    protected abstract void describe(Snapshot snapshot);

    public final JsonObject snapshot() {
        Snapshot snapshot = new Snapshot().add("id", id).add("name", name);
        describe(snapshot);
        return snapshot.add("createdAt", createdAt).add("updatedAt", updatedAt).build();
    }

    /** Runs an edit and answers the fields it moved; an edit that moved nothing leaves the record as it was. */
    protected final List<FieldChange> edit(OffsetDateTime now, Runnable edit) {
        JsonObject before = snapshot();
        edit.run();
        List<FieldChange> moved = FieldChange.between(before, snapshot());
        if (!moved.isEmpty()) {
            updatedAt = now;
        }
        return moved;
    }

    /** For state transitions that are changes by definition, such as completing a job. */
    protected final void touch(OffsetDateTime now) {
        updatedAt = now;
    }

    protected final void rename(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name: must not be blank");
        }
        this.name = name.trim();
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
