package io.hookline.delivery.control;

import io.hookline.platform.Batcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * The pipeline's batching threads on this instance: fan-out of committed events, hand-over messages, workers'
 * reads and claims, workers' outcomes. Each takes whatever queued up meanwhile as one batch (see {@link Batcher}): one
 * transaction, so the database pays a commit per batch rather than per delivery, or one JMS session. Workers wait
 * for their reads and claims; nobody waits for fan-out, hand-over or outcome, since the leases and the
 * recovery timer cover in the database whatever a dying process leaves unwritten. Started and stopped by
 * {@link io.hookline.delivery.boundary.PipelineStartup}.
 */
@ApplicationScoped
public class PipelineBatches {

    private static final int MAX_BATCH = 100;
    private static final int MAX_EVENTS_PER_FAN_OUT = 50;
    private static final int QUEUED_EVENTS = 10_000;
    private static final int QUEUED_WORK = 1_000;

    @Inject
    FanOut fanOut;

    @Inject
    DeliveryPreparation preparation;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    WorkQueues queues;

    private volatile Batcher<String, Void> fanOuts;
    private volatile Batcher<HandOver, Void> sends;
    private volatile Batcher<HandOver, Optional<UnsignedRequest>> reads;
    private volatile Batcher<HandOver, Optional<UnsignedRequest>> claims;
    private volatile Batcher<Outcome, Void> records;

    /** Starts the threads; they take the context of the caller, which must be a component's (see the caller). */
    public void start(ThreadFactory threads) {
        fanOuts = Batcher.of("fan-out", threads, QUEUED_EVENTS, MAX_EVENTS_PER_FAN_OUT, fanOut::dispatchAll,
                eventId -> fanOut.dispatchAll(List.of(eventId)));
        sends = Batcher.of("hand-over", threads, QUEUED_EVENTS, MAX_BATCH, queues::sendAll,
                handOver -> queues.sendAll(List.of(handOver)));
        reads = new Batcher<>("reads", threads, QUEUED_WORK, MAX_BATCH, preparation::prepareLeased,
                handOver -> preparation.prepareLeased(List.of(handOver)).get(0));
        claims = new Batcher<>("claims", threads, QUEUED_WORK, MAX_BATCH, preparation::prepareAll,
                handOver -> preparation.prepare(handOver.deliveryId(), handOver.leaseToken()));
        records = Batcher.of("outcomes", threads, QUEUED_WORK, MAX_BATCH, outcomes::recordAll,
                outcome -> outcomes.recordAll(List.of(outcome)));
    }

    public void stop() {
        fanOuts.close();
        sends.close();
        queues.close();
        reads.close();
        claims.close();
        records.close();
    }

    /** Asks for the event's fan-out without waiting; false when the queue is full (the recovery timer will do it). */
    public boolean fanOut(String eventId) {
        return fanOuts.offer(eventId);
    }

    /** Sends the delivery to a worker without waiting; false when the queue is full (its lease will run out). */
    public boolean send(HandOver handOver) {
        return sends.offer(handOver);
    }

    /**
     * @return the request to send on the hand-over's lease, read without a claim (see
     *         {@link DeliveryPreparation#prepareLeased}), or empty when the worker must {@link #claim} it
     */
    public Optional<UnsignedRequest> read(HandOver handOver) {
        return reads.submit(handOver).join();
    }

    /** @return the request to send, or empty when the hand-over is stale or the endpoint no longer active */
    public Optional<UnsignedRequest> claim(HandOver handOver) {
        return claims.submit(handOver).join();
    }

    /**
     * Queues the outcome for the next batch without waiting for its commit: the worker is free for the next
     * attempt at once. The delivery stays leased until the outcome is committed, so nothing else attempts it
     * meanwhile; if the process dies first, the lease runs out and the attempt is made again (at least once).
     * A full queue makes this wait, which slows workers to the recording's pace.
     */
    public void record(Outcome outcome) {
        records.submit(outcome);
    }
}
