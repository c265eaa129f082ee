package io.hookline.delivery.control;

import io.hookline.event.control.EventRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Acts once a transaction has committed: a recorded event is queued for fan-out, a leased delivery for sending to
 * the workers. Queued, not done here: the caller (a CRM request) should not wait, and a transaction's completion
 * callback is no place for resource work. Whatever is lost on the way (a full queue, a failed send, the process
 * dying) the recovery timer finds in the database.
 */
@ApplicationScoped
public class CommitRelay {

    private static final Logger LOG = Logger.getLogger(CommitRelay.class.getName());

    @Inject
    PipelineBatches batches;

    void eventCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded recorded) {
        if (!batches.fanOut(recorded.eventId())) {
            LOG.fine(() -> "Fan-out queue full; event " + recorded.eventId() + " waits for the recovery timer");
        }
    }

    void handedOver(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandOver handOver) {
        if (!batches.send(handOver)) {
            LOG.fine(() -> "Hand-over queue full; delivery " + handOver.deliveryId() + " waits for its lease to run out");
        }
    }
}
