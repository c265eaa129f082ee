package io.hookline.retention.control;

/**
 * What one retention step removes, in the order they run: each query walks an index on the age column from
 * {@code :from}, and its conditions are repeated by the removal, so a row that stopped qualifying in between stays.
 */
public enum RetentionTarget {

    /** Response excerpts of attempts (index delivery_attempt_attempted); never of a PENDING delivery. */
    ATTEMPT_BODIES("select a.id, a.attemptedAt from Attempt a where a.attemptedAt >= :from and a.attemptedAt < :before"
            + " and a.responseExcerpt is not null and not exists (select d.id from Delivery d where d.id = a.deliveryId"
            + " and d.status = io.hookline.delivery.entity.DeliveryStatus.PENDING) order by a.attemptedAt"),

    /** Finished deliveries and their attempts (index delivery_created). */
    DELIVERIES("select d.id, d.createdAt from Delivery d where d.createdAt >= :from and d.createdAt < :before"
            + " and d.status <> io.hookline.delivery.entity.DeliveryStatus.PENDING order by d.createdAt"),

    /** Dispatched events no delivery refers to any more (index outbox_event_status_created). */
    EVENTS("select e.id, e.createdAt from OutboxEvent e where e.status = io.hookline.event.entity.OutboxStatus.DISPATCHED"
            + " and e.createdAt >= :from and e.createdAt < :before"
            + " and not exists (select d.id from Delivery d where d.eventId = e.id) order by e.createdAt"),

    /** Finished replays and their marks (index replay_finished). */
    REPLAYS("select r.id, r.finishedAt from Replay r where r.finishedAt >= :from and r.finishedAt < :before"
            + " order by r.finishedAt");

    private final String candidates;

    RetentionTarget(String candidates) {
        this.candidates = candidates;
    }

    String candidates() {
        return candidates;
    }

    /** Attempt bodies have their own age; everything else goes at the deletion age. */
    boolean usesBodyAge() {
        return this == ATTEMPT_BODIES;
    }
}
