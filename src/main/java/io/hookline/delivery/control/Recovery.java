package io.hookline.delivery.control;

import io.hookline.event.control.Outbox;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;

/**
 * The safety net under the fast path: queues for fan-out the events whose post-commit fan-out never happened, and
 * hands over deliveries that are due (retries whose delay has passed, deliveries whose message or worker was lost,
 * endpoints re-enabled).
 */
@ApplicationScoped
public class Recovery {

    private static final int BATCH = 500;

    @Inject
    Outbox outbox;

    @Inject
    PipelineBatches batches;

    @Inject
    DueDeliveries dueDeliveries;

    @Inject
    DeliverySettings settings;

    public void sweep() {
        OffsetDateTime now = Time.now();
        outbox.stranded(now.minus(settings.outboxRecoveryAfter()), BATCH).forEach(batches::fanOut);
        dueDeliveries.handOver(now, BATCH);
    }
}
