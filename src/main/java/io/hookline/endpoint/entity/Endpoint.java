package io.hookline.endpoint.entity;

import io.hookline.platform.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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

import java.time.OffsetDateTime;
import java.util.Collections;
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
        + " and (e.allEvents = true or e.id in (select s.id from Endpoint s join s.eventTypes t where t = :type))")
@NamedQuery(name = Endpoint.OF_TENANT, query = "select e from Endpoint e where e.tenantId = :tenant order by e.createdAt desc")
public class Endpoint {

    public static final String SUBSCRIBED = "Endpoint.subscribed";
    public static final String OF_TENANT = "Endpoint.ofTenant";

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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "endpoint_event_type", joinColumns = @JoinColumn(name = "endpoint_id"),
            indexes = @Index(name = "endpoint_event_type_type", columnList = "event_type, endpoint_id"))
    @Column(name = "event_type", length = 100)
    private Set<String> eventTypes = new TreeSet<>();

    @Column(nullable = false, length = 256)
    private String secret;

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
        } else {
            disable(now, "Created disabled");
        }
    }

    public boolean isActive() {
        return status == EndpointStatus.ACTIVE;
    }

    /** Reactivates the endpoint, whoever switched it off, with a clean failure streak. */
    public void enable() {
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

    public void recordSuccess(OffsetDateTime now) {
        consecutiveFailures = 0;
        lastSuccessAt = now;
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

    /** Empty when the endpoint receives every event type. */
    public Set<String> eventTypes() {
        return Collections.unmodifiableSet(eventTypes);
    }

    public boolean receivesAllEvents() {
        return allEvents;
    }

    public String secret() {
        return secret;
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
