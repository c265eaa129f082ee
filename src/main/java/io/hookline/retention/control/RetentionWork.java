package io.hookline.retention.control;

import io.hookline.retention.entity.RetentionRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The work of a retention job execution, one transaction per call (one per chunk for removals): find the next rows
 * old enough, remove them (re-checking every condition), and add the counts to the run's row. The transactions are not
 * the chunk's: the batch runtime writes its job repository
 * (another, non-XA, data source) in the chunk transaction, and one transaction cannot hold two non-XA resources.
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
public class RetentionWork {

    public static final int CHUNK = 500;
    private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    /** The next rows to remove, oldest first, from {@code from} (the beginning when null). */
    public List<RetentionCandidate> candidates(RetentionTarget target, String runId, OffsetDateTime from) {
        RetentionRun run = em.find(RetentionRun.class, runId);
        List<?> rows = em.createQuery(target.candidates())
                .setParameter("from", from == null ? BEGINNING : from)
                .setParameter("before", target.usesBodyAge() ? run.bodiesBefore() : run.deleteBefore())
                .setMaxResults(CHUNK)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new RetentionCandidate((String) row[0], (OffsetDateTime) row[1])).toList();
    }

    public void remove(RetentionTarget target, String runId, List<String> ids) {
        RetentionRun run = em.find(RetentionRun.class, runId);
        switch (target) {
            case ATTEMPT_BODIES -> run.bodiesCleared(update("update Attempt a set a.responseExcerpt = null where a.id in :ids"
                    + " and not exists (select d.id from Delivery d where d.id = a.deliveryId"
                    + " and d.status = io.hookline.delivery.entity.DeliveryStatus.PENDING)", ids));
            case DELIVERIES -> {
                String finished = " and d.status <> io.hookline.delivery.entity.DeliveryStatus.PENDING";
                long attempts = update("delete from Attempt a where a.deliveryId in"
                        + " (select d.id from Delivery d where d.id in :ids" + finished + ")", ids);
                run.deliveriesDeleted(update("delete from Delivery d where d.id in :ids" + finished, ids), attempts);
            }
            case EVENTS -> run.eventsDeleted(update("delete from OutboxEvent e where e.id in :ids"
                    + " and e.status = io.hookline.event.entity.OutboxStatus.DISPATCHED"
                    + " and not exists (select d.id from Delivery d where d.eventId = e.id)", ids));
            case REPLAYS -> {
                update("delete from ReplayItem i where i.replayId in"
                        + " (select r.id from Replay r where r.id in :ids and r.finishedAt is not null)", ids);
                run.replaysDeleted(update("delete from Replay r where r.id in :ids and r.finishedAt is not null", ids));
            }
        }
    }

    private int update(String jpql, List<String> ids) {
        return em.createQuery(jpql).setParameter("ids", ids).executeUpdate();
    }
}
