package io.hookline.crm.job;

import io.hookline.crm.CrmRecord;
import io.hookline.crm.Snapshot;
import io.hookline.event.api.FieldChange;
import io.hookline.platform.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A piece of work for a customer, usually paid by an insurance claim (seed 003). Its status is free text, except
 * that only {@link #complete} makes it completed, so that every completion is a job.completed event.
 */
@Entity
@Table(name = "crm_job", indexes = @Index(name = "crm_job_tenant_created", columnList = "tenant_id, created_at"))
public class Job extends CrmRecord {

    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";

    /** The fields whose changes make a job.updated; status moves are not news to job.updated receivers. */
    public static final Set<String> WATCHED = Set.of("name", "customer", "insurance");

    @Column(nullable = false, length = 50)
    private String status;

    @Embedded
    private JobContact customer;

    @Embedded
    private Insurance insurance;

    @Column(name = "owner_user_id", length = 64)
    private String ownerUserId;

    protected Job() {
    }

    public Job(String tenantId, String name, String status, JobContact customer, Insurance insurance,
               String ownerUserId, OffsetDateTime now) {
        super(tenantId, name, now);
        this.status = OPEN;
        if (status != null) {
            restate(status);
        }
        this.customer = orNone(customer, JobContact::snapshot);
        this.insurance = orNone(insurance, Insurance::snapshot);
        this.ownerUserId = ownerUserId;
    }

    /** Changes the given fields; null leaves a field as it is, a customer or insurance replaces the old one whole. */
    public List<FieldChange> edit(String name, String status, JobContact customer, Insurance insurance,
                                  String ownerUserId, OffsetDateTime now) {
        return edit(now, () -> {
            if (name != null) {
                rename(name);
            }
            if (status != null) {
                restate(status);
            }
            if (customer != null) {
                this.customer = orNone(customer, JobContact::snapshot);
            }
            if (insurance != null) {
                this.insurance = orNone(insurance, Insurance::snapshot);
            }
            if (ownerUserId != null) {
                this.ownerUserId = ownerUserId;
            }
        });
    }

    public void complete(OffsetDateTime now) {
        if (isCompleted()) {
            throw new ProblemException(Response.Status.CONFLICT, "Job " + id() + " is already completed");
        }
        status = COMPLETED;
        touch(now);
    }

    public boolean isCompleted() {
        return COMPLETED.equals(status);
    }

    private void restate(String status) {
        if (status.isBlank()) {
            throw ProblemException.badRequest("status: must not be blank");
        }
        if (COMPLETED.equals(status.trim()) && !isCompleted()) {
            throw ProblemException.badRequest("status: complete a job with POST /api/v1/crm/jobs/{id}/complete");
        }
        this.status = status.trim();
    }

    /** All columns null is how the database stores a missing value object, so such a value counts as none. */
    private static <T> T orNone(T value, Function<T, JsonObject> snapshot) {
        return value == null || snapshot.apply(value).values().stream().allMatch(JsonValue.NULL::equals) ? null : value;
    }

    @Override
    public String entityType() {
        return "job";
    }

    @Override
    protected void describe(Snapshot snapshot) {
        snapshot.add("status", status)
                .add("customer", customer == null ? null : customer.snapshot())
                .add("insurance", insurance == null ? null : insurance.snapshot())
                .add("ownerUserId", ownerUserId);
    }

    public String status() {
        return status;
    }

    public JobContact customer() {
        return customer;
    }

    public Insurance insurance() {
        return insurance;
    }

    public String ownerUserId() {
        return ownerUserId;
    }
}
