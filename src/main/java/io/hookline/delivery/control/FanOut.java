package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.endpoint.entity.EndpointStatus;
import io.hookline.event.control.Outbox;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.event.entity.OutboxStatus;
import io.hookline.platform.Time;
import io.hookline.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns one committed event into one delivery per endpoint that is active and subscribed at this moment, and hands
 * each to a worker once the transaction has committed (see {@link CommitRelay}). The event row is locked first, so
 * however many instances or timers ask, it fans out once.
 */
@ApplicationScoped
public class FanOut {

    static final String PREVIEW_ONLY = "Not sent: live webhook delivery is not enabled for this preview-only workspace.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Endpoints endpoints;

    @Inject
    DeliverySettings settings;

    @Inject
    Tenants tenants;

    @Inject
    Event<HandOver> handOvers;

    /*
     * The common case, an event no endpoint would get, settled in one statement without loading or locking: marked
     * dispatched unless an endpoint of its tenant was active and subscribed to its type when it was committed (the
     * same test as Endpoint.SUBSCRIBED and Endpoint.wasActiveAt). A row another instance dispatched is not matched.
     * SQL rather than JPQL: EclipseLink turns a bulk update with correlated subqueries into self- and cross-joins.
     */
    private static final String DISPATCH_UNSUBSCRIBED = "update outbox_event o set status = ?1, dispatched_at = ?2"
            + " where o.status = ?3 and not exists (select 1 from endpoint e where e.tenant_id = o.tenant_id"
            + " and e.status = ?4 and e.active_since <= o.created_at and (e.all_events or exists (select 1"
            + " from endpoint_event_type t where t.endpoint_id = e.id and t.event_type = o.type))) and o.id in (";
    private static final int FIRST_ID_PARAMETER = 5;

    /**
     * Fans out those of the events still pending, in one transaction (see {@link PipelineBatches}). Events that no
     * endpoint subscribes to, the common case for most CRM changes, are marked dispatched in one statement; the
     * others are locked and get their deliveries.
     */
    @Transactional(rollbackOn = Exception.class)
    public void dispatchAll(List<String> eventIds) {
        OffsetDateTime now = Time.now();
        List<String> ids = eventIds.stream().distinct().toList();
        if (dispatchUnsubscribed(ids, now) == ids.size()) {
            return;
        }
        // looked up once per tenant and type in the batch, then matched to each event's commit time
        Map<TenantType, List<Endpoint>> subscribers = new HashMap<>();
        for (OutboxEvent event : outbox.lockPending(ids)) {
            List<Endpoint> candidates = subscribers.computeIfAbsent(new TenantType(event.tenantId(), event.type()),
                    key -> endpoints.subscribedTo(key.tenantId(), key.type(), now));
            for (Endpoint endpoint : candidates) {
                if (endpoint.wasActiveAt(event.createdAt())) {
                    deliver(event, endpoint, now);
                }
            }
            event.markDispatched(now);
        }
    }

    private int dispatchUnsubscribed(List<String> ids, OffsetDateTime now) {
        String placeholders = IntStream.range(0, ids.size())
                .mapToObj(i -> "?" + (FIRST_ID_PARAMETER + i))
                .collect(Collectors.joining(", ", "", ")"));
        Query update = em.createNativeQuery(DISPATCH_UNSUBSCRIBED + placeholders)
                .setParameter(1, OutboxStatus.DISPATCHED.name())
                .setParameter(2, now)
                .setParameter(3, OutboxStatus.PENDING.name())
                .setParameter(4, EndpointStatus.ACTIVE.name());
        for (int i = 0; i < ids.size(); i++) {
            update.setParameter(FIRST_ID_PARAMETER + i, ids.get(i));
        }
        return update.executeUpdate();
    }

    /**
     * A new delivery of the event to the endpoint, handed to a worker when the caller's transaction commits;
     * for a preview-only workspace it is recorded as not sent, so admins can see what would have gone out.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, rollbackOn = Exception.class)
    public Delivery deliver(OutboxEvent event, Endpoint endpoint, OffsetDateTime now) {
        return deliver(event, endpoint, now, now);
    }

    /**
     * As {@link #deliver(OutboxEvent, Endpoint, OffsetDateTime)}, but not before {@code dueAt}: a delivery due later
     * is left to the recovery timer, which hands it over once due, on whichever instance sweeps first.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, rollbackOn = Exception.class)
    public Delivery deliver(OutboxEvent event, Endpoint endpoint, OffsetDateTime now, OffsetDateTime dueAt) {
        Delivery delivery = Delivery.of(event, endpoint, now);
        em.persist(delivery);
        if (!tenants.liveDelivery(event.tenantId())) {
            delivery.notSent(PREVIEW_ONLY, now);
        } else if (dueAt.isAfter(now)) {
            delivery.postpone(dueAt);
        } else {
            String token = delivery.handOver(now, settings.handOverLease());
            handOvers.fire(HandOver.of(delivery, token));
        }
        return delivery;
    }

    /** Who an event is for: the subscribers of a fan-out are looked up by these two. */
    private record TenantType(String tenantId, String type) {
    }
}
