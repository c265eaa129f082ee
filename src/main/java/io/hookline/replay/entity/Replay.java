package io.hookline.replay.entity;

import io.hookline.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A bulk replay of one endpoint's events: its filter, progress, checkpoint and throttle schedule. The job execution
 * working on it holds a lease (owner token and expiry) renewed with every chunk; only the owner may record progress,
 * and an expired lease lets exactly one instance take the replay over, so a crashed job resumes once.
 */
@Entity
@Table(name = "replay")
@NamedQuery(name = Replay.ABANDONED, query = "select r.id from Replay r where r.status in :active and r.leaseUntil < :now")
@NamedQuery(name = Replay.ACTIVE_OF_ENDPOINT, query = "select count(r) from Replay r where r.endpointId = :endpoint"
        + " and r.status in :active")
public class Replay {

    public static final String ABANDONED = "Replay.abandoned";
    public static final String ACTIVE_OF_ENDPOINT = "Replay.activeOfEndpoint";
    public static final List<ReplayStatus> ACTIVE = List.of(ReplayStatus.RUNNING, ReplayStatus.STOPPING);

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "endpoint_id", nullable = false, length = 36)
    private String endpointId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReplayStatus status;

    @Column(name = "since_at")
    private OffsetDateTime since;

    @Column(name = "until_at", nullable = false)
    private OffsetDateTime until;

    /** FAILED, SUCCEEDED, NOT_SENT or ALL: the status of the event's latest delivery to the endpoint. */
    @Column(name = "status_filter", nullable = false, length = 16)
    private String statusFilter;

    /** Comma-separated; null for every type. */
    @Column(name = "event_types", length = 4000)
    private String eventTypes;

    @Column(name = "include_missed", nullable = false)
    private boolean includeMissed;

    @Column(name = "total_count", nullable = false)
    private long total;

    @Column(name = "read_count", nullable = false)
    private long read;

    @Column(name = "resent_count", nullable = false)
    private long resent;

    @Column(name = "skipped_count", nullable = false)
    private long skipped;

    @Column(name = "last_event_at")
    private OffsetDateTime lastEventAt;

    @Column(name = "last_event_id", length = 36)
    private String lastEventId;

    @Column(name = "next_slot_at")
    private OffsetDateTime nextSlotAt;

    @Column(name = "owner_token", length = 36)
    private String owner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(length = 1000)
    private String error;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected Replay() {
    }

    /** A new replay, RUNNING and leased to the execution about to be started with the returned {@link #owner()}. */
    public Replay(String tenantId, String endpointId, OffsetDateTime since, OffsetDateTime until, String statusFilter,
                  List<String> eventTypes, boolean includeMissed, long total, OffsetDateTime now, Duration lease) {
        this.id = Ids.newId();
        this.tenantId = tenantId;
        this.endpointId = endpointId;
        this.since = since;
        this.until = until;
        this.statusFilter = statusFilter;
        this.eventTypes = eventTypes.isEmpty() ? null : String.join(",", eventTypes);
        this.includeMissed = includeMissed;
        this.total = total;
        this.createdAt = now;
        lease(now, lease);
    }

    private void lease(OffsetDateTime now, Duration lease) {
        status = ReplayStatus.RUNNING;
        owner = UUID.randomUUID().toString();
        leaseUntil = now.plus(lease);
    }

    public boolean isOwnedBy(String token) {
        return token.equals(owner);
    }

    /** Whether the execution holding {@code token} should keep reading. */
    public boolean mayContinue(String token) {
        return status == ReplayStatus.RUNNING && isOwnedBy(token);
    }

    /** Asks the running execution to stop after its current chunk; false if the replay is not running. */
    public boolean requestStop() {
        if (status != ReplayStatus.RUNNING) {
            return false;
        }
        status = ReplayStatus.STOPPING;
        return true;
    }

    /** A stopped or failed replay runs again from its checkpoint; false if it is not at rest that way. */
    public boolean restart(OffsetDateTime now, Duration lease) {
        if (status != ReplayStatus.STOPPED && status != ReplayStatus.FAILED) {
            return false;
        }
        error = null;
        finishedAt = null;
        lease(now, lease);
        return true;
    }

    /**
     * The execution working on it is gone (its lease expired): a running replay gets a new owner (true, start one),
     * a stopping one is simply stopped.
     */
    public boolean takeOver(OffsetDateTime now, Duration lease) {
        if (!status.isActive() || !leaseUntil.isBefore(now)) {
            return false;
        }
        if (status == ReplayStatus.STOPPING) {
            finish(null, now);
            return false;
        }
        lease(now, lease);
        return true;
    }

    public void renew(OffsetDateTime now, Duration lease) {
        leaseUntil = now.plus(lease);
    }

    /** When the next replayed delivery may go out: never earlier than now, never closer than the throttle allows. */
    public OffsetDateTime nextSlot(OffsetDateTime now) {
        return nextSlotAt == null || nextSlotAt.isBefore(now) ? now : nextSlotAt;
    }

    /** One chunk written: counts, the checkpoint after it, and the throttle schedule it used up. */
    public void chunkWritten(int readCount, int resentCount, OffsetDateTime eventAt, String eventId, OffsetDateTime slot) {
        read += readCount;
        resent += resentCount;
        skipped += readCount - resentCount;
        lastEventAt = eventAt;
        lastEventId = eventId;
        nextSlotAt = slot;
    }

    /** The execution ended: COMPLETED, FAILED with {@code failure}, or STOPPED if a stop was asked for. */
    public void finish(String failure, OffsetDateTime now) {
        if (failure != null) {
            status = ReplayStatus.FAILED;
            error = failure.length() > 1000 ? failure.substring(0, 1000) : failure;
        } else {
            status = status == ReplayStatus.STOPPING ? ReplayStatus.STOPPED : ReplayStatus.COMPLETED;
        }
        finishedAt = now;
        owner = null;
        leaseUntil = null;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String endpointId() {
        return endpointId;
    }

    public ReplayStatus status() {
        return status;
    }

    public OffsetDateTime since() {
        return since;
    }

    public OffsetDateTime until() {
        return until;
    }

    public String statusFilter() {
        return statusFilter;
    }

    public List<String> eventTypes() {
        return eventTypes == null ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    public boolean includeMissed() {
        return includeMissed;
    }

    public long total() {
        return total;
    }

    public long read() {
        return read;
    }

    public long resent() {
        return resent;
    }

    public long skipped() {
        return skipped;
    }

    public OffsetDateTime lastEventAt() {
        return lastEventAt;
    }

    public String lastEventId() {
        return lastEventId;
    }

    public String owner() {
        return owner;
    }

    public String error() {
        return error;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }
}
