package io.hookline.retention.entity;

import io.hookline.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One run of the retention job: the cut-offs it applied and what it removed. Its slot is unique: a scheduled run is
 * named by the minute it was due, so of several instances woken by the same schedule only one gets to run it.
 */
@Entity
@Table(name = "retention_run")
@NamedQuery(name = RetentionRun.LATEST, query = "select r from RetentionRun r order by r.id desc")
@NamedQuery(name = RetentionRun.OF_SLOT, query = "select count(r) from RetentionRun r where r.slot = :slot")
public class RetentionRun {

    public static final String LATEST = "RetentionRun.latest";
    public static final String OF_SLOT = "RetentionRun.ofSlot";
    public static final String RUNNING = "RUNNING";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String slot;

    /** RUNNING, COMPLETED or FAILED. */
    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "bodies_before", nullable = false)
    private OffsetDateTime bodiesBefore;

    @Column(name = "delete_before", nullable = false)
    private OffsetDateTime deleteBefore;

    @Column(name = "attempt_bodies_cleared", nullable = false)
    private long attemptBodiesCleared;

    @Column(name = "attempts_deleted", nullable = false)
    private long attemptsDeleted;

    @Column(name = "deliveries_deleted", nullable = false)
    private long deliveriesDeleted;

    @Column(name = "events_deleted", nullable = false)
    private long eventsDeleted;

    @Column(name = "replays_deleted", nullable = false)
    private long replaysDeleted;

    @Column(length = 1000)
    private String error;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected RetentionRun() {
    }

    /** A run in {@code slot}; null for one started by hand, which gets a slot of its own. */
    public RetentionRun(String slot, OffsetDateTime bodiesBefore, OffsetDateTime deleteBefore, OffsetDateTime now) {
        this.id = Ids.newId();
        this.slot = slot == null ? "manual " + id : slot;
        this.status = RUNNING;
        this.bodiesBefore = bodiesBefore;
        this.deleteBefore = deleteBefore;
        this.startedAt = now;
    }

    public void bodiesCleared(long count) {
        attemptBodiesCleared += count;
    }

    public void deliveriesDeleted(long deliveries, long attempts) {
        deliveriesDeleted += deliveries;
        attemptsDeleted += attempts;
    }

    public void eventsDeleted(long count) {
        eventsDeleted += count;
    }

    public void replaysDeleted(long count) {
        replaysDeleted += count;
    }

    public void finish(String failure, OffsetDateTime now) {
        status = failure == null ? "COMPLETED" : "FAILED";
        error = failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 1000);
        finishedAt = now;
    }

    @Override
    public String toString() {
        return "retention run " + id + " (" + status + "): " + attemptBodiesCleared + " attempt bodies cleared (before "
                + bodiesBefore + "); " + deliveriesDeleted + " deliveries with " + attemptsDeleted + " attempts, "
                + eventsDeleted + " events and " + replaysDeleted + " replays deleted (before " + deleteBefore + ")";
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public OffsetDateTime bodiesBefore() {
        return bodiesBefore;
    }

    public OffsetDateTime deleteBefore() {
        return deleteBefore;
    }

    public long attemptBodiesCleared() {
        return attemptBodiesCleared;
    }

    public long attemptsDeleted() {
        return attemptsDeleted;
    }

    public long deliveriesDeleted() {
        return deliveriesDeleted;
    }

    public long eventsDeleted() {
        return eventsDeleted;
    }

    public long replaysDeleted() {
        return replaysDeleted;
    }

    public String error() {
        return error;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }
}
