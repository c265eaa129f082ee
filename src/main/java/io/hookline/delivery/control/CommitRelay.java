package io.hookline.delivery.control;

import io.hookline.event.control.EventRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once the CRM transaction has committed, asks for the event's fan-out. Sending after commit keeps the broker out of
 * the CRM's transaction; if this send fails (or the process dies first), the recovery timer finds the pending event.
 */
@ApplicationScoped
public class CommitRelay {

    private static final Logger LOG = Logger.getLogger(CommitRelay.class.getName());

    @Inject
    WorkQueues queues;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded recorded) {
        try {
            queues.enqueueEvent(recorded.eventId());
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Event " + recorded.eventId() + " stays pending until the recovery timer picks it up", failure);
        }
    }
}
