package io.hookline.delivery.control;

import io.hookline.event.control.Outbox;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
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
 */
@ApplicationScoped
public class Recovery {

    private static final int BATCH = 500;
    private static final Duration LONGEST = Duration.ofSeconds(30);
    private static final long STRANDED_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration LANDING = Duration.ofMillis(200);
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

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
            int handedOver = dueDeliveries.handOver(Time.now(), BATCH);
            long took = System.nanoTime() - started;
            more = handedOver == BATCH && roomFor(arrived + handedOver, end - took); // the next must end in time
        } while (more);
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
}
