package io.hookline.delivery.entity;

import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.entity.EventRef;
import io.hookline.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One event on its way to one endpoint. A lease guards every hand-over: the worker holding the current token is the
 * only one allowed to attempt it, and an expired lease means its holder (a JMS message or a worker) was lost, so the
 * recovery timer may hand it over again. Two instances sharing a database therefore never attempt it at once.
 */
@Entity
@Table(name = "delivery", indexes = {
        @Index(name = "delivery_status_next_attempt", columnList = "status, next_attempt_at"),
        @Index(name = "delivery_event", columnList = "event_id"),
        @Index(name = "delivery_tenant_id", columnList = "tenant_id, id"),
        @Index(name = "delivery_endpoint_id", columnList = "endpoint_id, id"),
        @Index(name = "delivery_tenant_status_id", columnList = "tenant_id, status, id"),
        @Index(name = "delivery_tenant_type_id", columnList = "tenant_id, event_type, id"),
        @Index(name = "delivery_created", columnList = "created_at")})
@NamedQuery(name = Delivery.DUE, query = "select d.id from Delivery d, Endpoint e where e.id = d.endpointId"
        + " and e.status = io.hookline.endpoint.entity.EndpointStatus.ACTIVE"
        + " and d.status = io.hookline.delivery.entity.DeliveryStatus.PENDING and d.nextAttemptAt <= :now"
        + " and (d.leaseUntil is null or d.leaseUntil < :now) order by d.nextAttemptAt")
@NamedQuery(name = Delivery.BY_IDS, query = "select d from Delivery d where d.id in :ids order by d.id")
@NamedQuery(name = Delivery.TO_SEND, query = "select d, e, p from Delivery d, OutboxEvent e, Endpoint p"
        + " where d.id in :ids and e.id = d.eventId and p.id = d.endpointId")
@NamedQuery(name = Delivery.WAITING, query = "select d.id from Delivery d where d.endpointId = :endpoint and d.id > :after"
        + " and d.status = io.hookline.delivery.entity.DeliveryStatus.PENDING and d.nextAttemptAt > :since order by d.id")
@NamedQuery(name = Delivery.DEFERRED, query = "select d.id from Delivery d where d.endpointId = :endpoint and d.id > :after"
        + " and d.status = io.hookline.delivery.entity.DeliveryStatus.PENDING and d.deferred = true"
        + " and d.nextAttemptAt > :since order by d.id")
@NamedQuery(name = Delivery.RESUME, query = "update Delivery d set d.nextAttemptAt = :since where d.id in :ids"
        + " and d.status = io.hookline.delivery.entity.DeliveryStatus.PENDING and d.nextAttemptAt > :since")
public class Delivery {

    public static final String DUE = "Delivery.due";
    public static final String WAITING = "Delivery.waiting";
    public static final String DEFERRED = "Delivery.deferred";
    public static final String RESUME = "Delivery.resume";
    public static final String BY_IDS = "Delivery.byIds";
    /** The columns of {@link #columnValues()}, for writing new deliveries in a JDBC batch. */
    public static final String COLUMNS = "id, tenant_id, event_id, event_type, endpoint_id, url, status, attempts,"
            + " next_attempt_at, lease_token, lease_until, created_at, completed_at, status_reason, test, deferred";
    /** Deliveries with their event and endpoint, all a request needs: (delivery, event, endpoint) rows. */
    public static final String TO_SEND = "Delivery.toSend";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "event_id", nullable = false, length = 36)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 100)
    private String eventType;

    @Column(name = "endpoint_id", nullable = false, length = 36)
    private String endpointId;

    /** The endpoint's URL when the delivery was made; each {@link Attempt} goes to, and records, the URL of its time. */
    @Column(nullable = false, length = 2048)
    private String url;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_token", length = 36)
    private String leaseToken;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(name = "status_reason", length = 500)
    private String statusReason;

    /** Made by "Send test": attempted once, whatever the endpoint's status, without touching its health. */
    @Column(nullable = false)
    private boolean test;

    /** Waiting for room at its endpoint (see {@link #deferUntil}) rather than for a backoff or a throttle. */
    @Column(nullable = false)
    private boolean deferred;

    protected Delivery() {
    }

    public static Delivery of(EventRef event, Endpoint endpoint, OffsetDateTime now) {
        Delivery delivery = new Delivery();
        delivery.id = Ids.newId();
        delivery.tenantId = event.tenantId();
        delivery.eventId = event.id();
        delivery.eventType = event.type();
        delivery.endpointId = endpoint.id();
        delivery.url = endpoint.url();
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    /** A delivery for "Send test", already handed to the caller that will attempt it right away. */
    public static Delivery test(EventRef event, Endpoint endpoint, OffsetDateTime now) {
        Delivery delivery = of(event, endpoint, now);
        delivery.test = true;
        return delivery;
    }

    public boolean isTest() {
        return test;
    }

    /** The values of {@link #COLUMNS}. */
    public List<Object> columnValues() {
        return Arrays.asList(id, tenantId, eventId, eventType, endpointId, url, status.name(), attempts, nextAttemptAt,
                leaseToken, leaseUntil, createdAt, completedAt, statusReason, test, deferred);
    }

    /** Not handed over before {@code at}: the recovery timer picks it up then (a throttled replay spaces them so). */
    public void postpone(OffsetDateTime at) {
        nextAttemptAt = at;
    }

    /** Due for an attempt and held by nobody. */
    public boolean isDue(OffsetDateTime now) {
        return status == DeliveryStatus.PENDING && !nextAttemptAt.isAfter(now)
                && (leaseUntil == null || leaseUntil.isBefore(now));
    }

    /**
     * Not handed over before {@code until}, because its endpoint has no room for it now; unlike a postponement, made
     * due sooner should the endpoint turn out faster (see {@link #DEFERRED}).
     */
    public void deferUntil(OffsetDateTime until) {
        nextAttemptAt = until;
        deferred = true;
    }

    /** Leases the delivery to whoever gets the returned token, until {@code now + lease}. */
    public String handOver(OffsetDateTime now, Duration lease) {
        deferred = false;
        leaseToken = UUID.randomUUID().toString();
        leaseUntil = now.plus(lease);
        return leaseToken;
    }

    /**
     * Turns a hand-over token into the right to make the next attempt. A stale or duplicate message holds an old
     * token and gets nothing; the winner gets a fresh token for recording the outcome.
     */
    public Optional<String> claim(String token, OffsetDateTime now, Duration attemptLease) {
        if (status != DeliveryStatus.PENDING || !token.equals(leaseToken)) {
            return Optional.empty();
        }
        return Optional.of(handOver(now, attemptLease));
    }

    /** Pending and leased to the holder of {@code token} at least until {@code until}. */
    public boolean isLeasedTo(String token, OffsetDateTime until) {
        return status == DeliveryStatus.PENDING && isHeldBy(token) && !leaseUntil.isBefore(until);
    }

    /** Gives the lease back without attempting, leaving the delivery due as it was. */
    public void release() {
        leaseToken = null;
        leaseUntil = null;
    }

    /** The lease holder gives the delivery back untried, due again at {@code until}; a stale token changes nothing. */
    public void defer(String token, OffsetDateTime until) {
        if (status == DeliveryStatus.PENDING && isHeldBy(token)) {
            deferUntil(until);
            release();
        }
    }

    public boolean isHeldBy(String token) {
        return token.equals(leaseToken);
    }

    public int nextAttemptNumber() {
        return attempts + 1;
    }

    /** Done; also written in SQL for a batch of held deliveries by {@code HeldSuccesses}: keep the two alike. */
    public void succeeded(OffsetDateTime now) {
        attempts++;
        finish(DeliveryStatus.SUCCEEDED, now);
    }

    public void retryAt(OffsetDateTime next) {
        attempts++;
        nextAttemptAt = next;
        release();
    }

    public void failed(OffsetDateTime now) {
        attempts++;
        finish(DeliveryStatus.FAILED, now);
    }

    /** Recorded, never sent; the reason tells the admin why. */
    public void notSent(String reason, OffsetDateTime now) {
        statusReason = reason;
        finish(DeliveryStatus.NOT_SENT, now);
    }

    private void finish(DeliveryStatus outcome, OffsetDateTime now) {
        status = outcome;
        completedAt = now;
        nextAttemptAt = null;
        release();
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String endpointId() {
        return endpointId;
    }

    public String url() {
        return url;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    public String statusReason() {
        return statusReason;
    }
}
