package io.hookline.endpoint.entity;

import io.hookline.format.entity.WireFormat;
import io.hookline.platform.EncryptedSecret;
import io.hookline.platform.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's webhook subscription. It owns its health rules: a successful delivery resets the failure streak, and the
 * streak reaching the configured limit switches the endpoint off until an admin enables it again.
 */
@Entity
@Table(name = "endpoint", indexes = @Index(name = "endpoint_tenant_status", columnList = "tenant_id, status"))
@NamedQuery(name = Endpoint.SUBSCRIBED, query = "select e from Endpoint e where e.tenantId = :tenant"
        + " and e.status = io.hookline.endpoint.entity.EndpointStatus.ACTIVE"
        + " and e.activeSince <= :committedAt"
        + " and (e.allEvents = true or e.id in (select s.id from Endpoint s join s.eventTypes t where t = :type))")
/*
 * A success resets the failure streak. Done as a conditional update rather than through a locked entity: successes
 * are the common case, and locking the endpoint row for each one put every delivery to an endpoint in single file
 * behind the commit (bench/run profile). The row is written only when something changes: a streak to reset, or a
 * last success older than a second.
 */
@NamedQuery(name = Endpoint.RECORD_SUCCESS, query = "update Endpoint e set e.consecutiveFailures = 0, e.lastSuccessAt = :now"
        + " where e.id = :id and (e.consecutiveFailures <> 0 or e.lastSuccessAt is null or e.lastSuccessAt < :staleBefore)")
public class Endpoint {

    public static final String SUBSCRIBED = "Endpoint.subscribed";
    public static final String RECORD_SUCCESS = "Endpoint.recordSuccess";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 2048)
    private String url;

    @Column(length = 1000)
    private String description;

    @Column(name = "all_events", nullable = false)
    private boolean allEvents;

    // Lazy: only the endpoint's views and replays read it; fan-out and delivery match by query, and loading it cost
    // the attempt's reads a statement per batch and the fan-out one per subscribed endpoint (bench/run profile).
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "endpoint_event_type", joinColumns = @JoinColumn(name = "endpoint_id"),
            indexes = @Index(name = "endpoint_event_type_type", columnList = "event_type, endpoint_id"))
    @Column(name = "event_type", length = 100)
    private Set<String> eventTypes = new TreeSet<>();

    /** Encrypted at rest; plain only in memory, to sign. */
    @Convert(converter = EncryptedSecret.class)
    @Column(nullable = false, length = 512)
    private String secret;

    /** The secret before the last rotation, still signed with until it expires, so receivers can switch over. */
    @Convert(converter = EncryptedSecret.class)
    @Column(name = "previous_secret", length = 512)
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private OffsetDateTime previousSecretExpiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "wire_format", nullable = false, length = 32)
    private WireFormat format = WireFormat.TOOLBAG;

    /** False only where the format lets receivers go without signatures; the secret is then not used. */
    @Column(nullable = false)
    private boolean signed = true;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    /** When it was last switched on: events committed earlier are not for it, however late they fan out. */
    @Column(name = "active_since")
    private OffsetDateTime activeSince;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EndpointStatus status;

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    @Column(name = "disabled_at")
    private OffsetDateTime disabledAt;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "last_success_at")
    private OffsetDateTime lastSuccessAt;

    @Column(name = "last_failure_at")
    private OffsetDateTime lastFailureAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Endpoint() {
    }

    public Endpoint(String tenantId, String name, String url, String description, Set<String> eventTypes,
                    String secret, boolean enabled, OffsetDateTime now) {
        this.id = Ids.newId();
        this.tenantId = tenantId;
        this.name = name;
        this.url = url;
        this.description = description;
        this.allEvents = eventTypes.isEmpty();
        this.eventTypes = new TreeSet<>(eventTypes);
        this.secret = secret;
        this.createdAt = now;
        if (enabled) {
            this.status = EndpointStatus.ACTIVE;
            this.activeSince = now;
        } else {
            disable(now, "Created disabled");
        }
    }

    public boolean isActive() {
        return status == EndpointStatus.ACTIVE;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Changes what is given (non-null); the caller has validated the URL and event types. */
    public void update(String name, String url, String description, Set<String> eventTypes) {
        if (name != null) {
            this.name = name;
        }
        if (url != null) {
            this.url = url;
        }
        if (description != null) {
            this.description = description;
        }
        if (eventTypes != null) {
            this.allEvents = eventTypes.isEmpty();
            this.eventTypes = new TreeSet<>(eventTypes);
        }
    }

    /** Chooses how deliveries are rendered and whether they are signed; the caller has checked the format allows it. */
    public void useWire(WireFormat format, boolean signed) {
        this.format = format;
        this.signed = signed;
    }

    /** Signs from now on with a fresh secret; nothing was signed with the old one lately, so it gets no grace. */
    public void startSigning(String newSecret) {
        signed = true;
        secret = newSecret;
        previousSecret = null;
        previousSecretExpiresAt = null;
    }

    public void rotateSecret(String newSecret, OffsetDateTime now, Duration grace) {
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(grace);
        secret = newSecret;
    }

    /**
     * The secrets deliveries are signed with now: the current one first, then the previous one during its grace;
     * none when the endpoint does not sign.
     */
    public List<String> signingSecrets(OffsetDateTime now) {
        if (!signed) {
            return List.of();
        }
        return previousSecret != null && previousSecretExpiresAt.isAfter(now) ? List.of(secret, previousSecret) : List.of(secret);
    }

    /** Switched off for good; its deliveries stay readable, and nothing of it is listed or found any more. */
    public void delete(OffsetDateTime now) {
        disable(now, "Deleted");
        deletedAt = now;
    }

    /** Reactivates the endpoint, whoever switched it off, with a clean failure streak. */
    public void enable(OffsetDateTime now) {
        if (!isActive()) {
            activeSince = now;
        }
        status = EndpointStatus.ACTIVE;
        consecutiveFailures = 0;
        disabledReason = null;
        disabledAt = null;
    }

    public void disable(OffsetDateTime now, String reason) {
        status = EndpointStatus.DISABLED;
        disabledReason = reason;
        disabledAt = now;
    }

    /** Whether it was active (and so subscribed) when something committed at {@code at}; see {@link #SUBSCRIBED}. */
    public boolean wasActiveAt(OffsetDateTime at) {
        return activeSince != null && !activeSince.isAfter(at);
    }

    /** A delivery succeeded: the failure streak starts again (also done in bulk, see {@link #RECORD_SUCCESS}). */
    public void recordSuccess(OffsetDateTime now) {
        lastSuccessAt = now;
        consecutiveFailures = 0;
    }

    /** A failed attempt that will be retried: visible as the last failure, but the delivery is not lost yet. */
    public void recordFailedAttempt(OffsetDateTime now) {
        lastFailureAt = now;
    }

    /** A delivery that used up its attempts; {@code limit} of these in a row switch the endpoint off. */
    public void recordFailedDelivery(OffsetDateTime now, int limit) {
        lastFailureAt = now;
        consecutiveFailures++;
        if (consecutiveFailures >= limit && isActive()) {
            status = EndpointStatus.AUTO_DISABLED;
            disabledAt = now;
            disabledReason = consecutiveFailures + " consecutive failed deliveries";
        }
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

    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    /** In name order; empty when the endpoint receives every event type. */
    public Set<String> eventTypes() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(eventTypes));
    }

    public boolean receivesAllEvents() {
        return allEvents;
    }

    public String secret() {
        return secret;
    }

    public WireFormat format() {
        return format;
    }

    public boolean isSigned() {
        return signed;
    }

    public EndpointStatus status() {
        return status;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public OffsetDateTime disabledAt() {
        return disabledAt;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public OffsetDateTime lastSuccessAt() {
        return lastSuccessAt;
    }

    public OffsetDateTime lastFailureAt() {
        return lastFailureAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
