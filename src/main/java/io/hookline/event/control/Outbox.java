package io.hookline.event.control;

import io.hookline.event.entity.OutboxEvent;
import io.hookline.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Queries and locks on the outbox table; callers bring the transaction. */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    /** The event, locked for this transaction, if it still waits for fan-out; two instances never both get it. */
    public Optional<OutboxEvent> lockPending(String eventId) {
        return Optional.ofNullable(em.find(OutboxEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE))
                .filter(OutboxEvent::isPending);
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
