package io.hookline.event.control;

import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Queries and locks on the outbox table; callers bring the transaction. */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    /**
     * Those of the events that still wait for fan-out, locked for this transaction (in id order, so concurrent
     * batches cannot deadlock): two instances never both get one.
     */
    public List<OutboxEvent> lockPending(Collection<String> eventIds) {
        return em.createNamedQuery(OutboxEvent.PENDING_BY_IDS, OutboxEvent.class)
                .setParameter("ids", eventIds.stream().distinct().toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Tenant and type of those of the events still pending, by id, read without loading or locking them. */
    public Map<String, TenantType> pendingTypes(Collection<String> eventIds) {
        return em.createNamedQuery(OutboxEvent.PENDING_TYPES, Object[].class)
                .setParameter("ids", eventIds.stream().distinct().toList())
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> new TenantType((String) row[1], (String) row[2])));
    }

    /** Marks those of the events still pending as dispatched, in one statement (events nobody subscribes to). */
    public void markDispatched(Collection<String> eventIds, OffsetDateTime now) {
        em.createNamedQuery(OutboxEvent.MARK_DISPATCHED)
                .setParameter("ids", eventIds.stream().distinct().toList())
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Who an event is for: the subscribers of a fan-out are looked up by these two. */
    public record TenantType(String tenantId, String type) {
    }

    public Optional<OutboxEvent> find(String eventId) {
        return Optional.ofNullable(em.find(OutboxEvent.class, eventId));
    }

    /** A tenant's event; another tenant's is not found. */
    public OutboxEvent find(String tenantId, String eventId) {
        return find(eventId).filter(event -> event.tenantId().equals(tenantId))
                .orElseThrow(() -> ProblemException.notFound("Event " + eventId));
    }

    /** Pending events older than the fast path needs: their relay message was lost or never sent. */
    public List<String> stranded(OffsetDateTime before, int limit) {
        return em.createNamedQuery(OutboxEvent.STRANDED, String.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }
}
