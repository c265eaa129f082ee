package io.hookline.delivery.control;

import io.hookline.event.control.Outbox;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The safety net under JMS: fans out events whose post-commit message never came, and hands over deliveries that
 * are due (retries whose delay has passed, deliveries whose message or worker was lost, endpoints re-enabled).
 */
@ApplicationScoped
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    private static final int BATCH = 500;

    @Inject
    Outbox outbox;

    @Inject
    FanOut fanOut;

    @Inject
    DueDeliveries dueDeliveries;

    @Inject
    DeliverySettings settings;

    public void sweep() {
        OffsetDateTime now = Time.now();
        for (String eventId : outbox.stranded(now.minus(settings.outboxRecoveryAfter()), BATCH)) {
            try {
                fanOut.dispatch(eventId);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Fan-out of event " + eventId + " failed; the next sweep tries again", failure);
            }
        }
        dueDeliveries.handOver(now, BATCH);
    }
}
