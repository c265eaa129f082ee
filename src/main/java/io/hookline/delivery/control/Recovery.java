package io.hookline.delivery.control;

import io.hookline.endpoint.control.EndpointEnabled;
import io.hookline.event.control.Outbox;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The safety net under the fast path: queues for fan-out the events whose post-commit fan-out never happened, and
 * hands over deliveries that are due (retries whose delay has passed, deliveries whose message or worker was lost,
 * endpoints re-enabled).
 * <p>
 * A backlog (an endpoint re-enabled after an outage) drains at the workers' pace, not at a batch per sweep: while
 * batches are full, the sweep hands over the next one once the last one's messages have landed and this instance's
 * lines hold less than a batch, for up to {@link #LONGEST}, looking for stranded events every second meanwhile; the
 * timer skips its ticks meanwhile. Long, because the workers idle between one sweep and the next tick (the lines
 * hold less than a batch, a fraction of a second's work): with sweeps of 5 s a 100,000 backlog drained at 4,000/s
 * with a dip to 1,500/s every six seconds. Holding back keeps a backlog in the database rather than bounced off full
 * lines and deferred. With several instances, messages land on all of them; the sweep waits for its own at most
 * {@link #LANDING}.
 * <p>
 * A re-enabled endpoint's waiting deliveries are made due here too, {@link #RESUME_CHUNK} a step just ahead of the
 * step's hand-over, once the enabling transaction has committed. Not in that transaction: one update of a 100,000
 * backlog held the admin's request for 4 s before the first delivery went, and a larger one could outlast the
 * transaction's timeout. The instance that enabled the endpoint does it; should it stop before the end, the rest
 * wait for their backoff as they would have without the enabling. Likewise an endpoint found much faster than its
 * deferred backlog was paced for (see {@link ConcurrencyLimits#fasterAgain}): its deferred deliveries only.
 */
@ApplicationScoped
public class Recovery {

    private static final int BATCH = 500;
    private static final Duration LONGEST = Duration.ofSeconds(30);
    private static final long STRANDED_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration LANDING = Duration.ofMillis(200);
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int RESUME_CHUNK = 2 * BATCH;

    /** Endpoints re-enabled, and how far their resumption has got; the sweep takes turns among them. */
    private final Queue<Resumption> resuming = new ConcurrentLinkedQueue<>();

    @Inject
    Outbox outbox;

    @Inject
    PipelineBatches batches;

    @Inject
    DueDeliveries dueDeliveries;

    @Inject
    ConcurrencyLimits limits;

    @Inject
    DeliverySettings settings;

    /**
     * Outside any transaction, so that each batch commits, and its messages go, before the next (the timer's
     * callback was seen to carry a transaction; see {@link io.hookline.replay.control.ReplayJobs}).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void sweep() {
        long end = System.nanoTime() + LONGEST.toNanos();
        long strandedNext = System.nanoTime();
        boolean more;
        do {
            if (System.nanoTime() - strandedNext >= 0) {
                fanOutStranded();
                strandedNext = System.nanoTime() + STRANDED_EVERY_NANOS;
            }
            long arrived = limits.arrivals();
            long started = System.nanoTime();
            limits.fasterAgain().forEach(endpointId -> resuming.add(new Resumption(endpointId, true, Time.now(), "")));
            resumeNext();
            int handedOver = dueDeliveries.handOver(Time.now(), BATCH);
            long took = System.nanoTime() - started;
            more = (handedOver == BATCH || !resuming.isEmpty())
                    && roomFor(arrived + handedOver, end - took); // the next must end in time
        } while (more);
    }

    void endpointEnabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) EndpointEnabled enabled) {
        resuming.add(new Resumption(enabled.endpointId(), false, enabled.at(), ""));
    }

    /** One chunk of the endpoint first in line, which then goes to the back unless it is done. */
    private void resumeNext() {
        Resumption next = resuming.peek(); // stays first if the chunk fails: the next sweep retries it
        if (next != null) {
            Optional<String> after = dueDeliveries.resume(next.endpointId(), next.deferredOnly(), next.since(),
                    next.after(), RESUME_CHUNK);
            resuming.remove();
            after.ifPresent(id -> resuming.add(new Resumption(next.endpointId(), next.deferredOnly(), next.since(), id)));
        }
    }

    private void fanOutStranded() {
        outbox.stranded(Time.now().minus(settings.outboxRecoveryAfter()), BATCH).forEach(batches::fanOut);
    }

    /**
     * Waits until {@code arrivals} hand-overs have reached this instance (or {@link #LANDING} has passed) and then
     * until its lines hold less than a batch; false if that takes past {@code latest}.
     */
    private boolean roomFor(long arrivals, long latest) {
        long landed = Math.min(System.nanoTime() + LANDING.toNanos(), latest);
        while (limits.arrivals() < arrivals && System.nanoTime() < landed) {
            LockSupport.parkNanos(CHECK_NANOS);
        }
        while (limits.waiting() >= BATCH && System.nanoTime() < latest) {
            LockSupport.parkNanos(CHECK_NANOS);
        }
        return System.nanoTime() < latest;
    }

    /**
     * Deliveries of the endpoint waiting past {@code since} (only the deferred, or all) are made due, in id order,
     * those up to {@code after} done.
     */
    private record Resumption(String endpointId, boolean deferredOnly, OffsetDateTime since, String after) {
    }
}
