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
import java.util.Optional;

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
