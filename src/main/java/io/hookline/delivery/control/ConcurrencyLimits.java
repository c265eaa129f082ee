package io.hookline.delivery.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many attempts may run at once on this instance: in all, for one tenant and for one endpoint (more for an
 * endpoint that answers fast, see {@link Tenant#places}). Attempts run on threads of their own, never on the delivery
 * listener's sessions: the broker queues further messages on a session that is busy, so a session held by a slow
 * receiver would hold faster endpoints' messages behind it.
 * <p>An attempt over a limit waits in its endpoint's line, in memory, without holding a thread: whichever thread
 * finishes an attempt of that tenant runs the next one that fits, endpoints taking turns. A waiting hand-over keeps
 * its lease token, so if it waits past its lease and the recovery timer hands the delivery over again, its claim
 * simply fails. A full line is refused, and the caller defers the delivery through the database (see
 * {@link #deferral}).
 */
@ApplicationScoped
public class ConcurrencyLimits {

    private static final Logger LOG = Logger.getLogger(ConcurrencyLimits.class.getName());
    private static final int MAX_DEFERRAL_MINUTES = 10;
    /**
     * How many times faster than its backlog was paced an endpoint must be for the backlog to be made due again: at
     * twice the pace, a backlog coming back as paced keeps half its places idle.
     */
    private static final int FASTER_AGAIN = 2;

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-concurrent", defaultValue = "64")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-concurrent-per-endpoint", defaultValue = "16")
    int perEndpoint;

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-concurrent-per-tenant", defaultValue = "32")
    int perTenant;

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-waiting-per-endpoint", defaultValue = "1000")
    int maxWaiting;

    /** An endpoint whose attempts take no longer than this on average may use all its tenant's places. */
    @Inject
    @ConfigProperty(name = "hookline.delivery.fast-attempt", defaultValue = "PT0.1S")
    Duration fastAttempt;

    @Inject
    DeliverySettings settings;

    /** How long a delivery may expect to wait in line: the waiting part of its hand-over lease. */
    Duration waitInLine;

    /** The least a delivery waits in the database when its endpoint's line on this instance is full. */
    @Inject
    @ConfigProperty(name = "hookline.delivery.busy-delay", defaultValue = "PT2S")
    Duration busyDelay;

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong arrivals = new AtomicLong();
    private final Queue<String> fasterAgain = new ConcurrentLinkedQueue<>();
    private volatile ExecutorService attempts;

    @PostConstruct
    void readSettings() {
        waitInLine = settings.dispatchLease();
    }

    /** Starts the attempt threads, at most max-concurrent; they take the context of the caller, a component. */
    public void start(ThreadFactory threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), work -> {
                    Thread thread = threads.newThread(work);
                    thread.setName("hookline-attempt-" + count.incrementAndGet());
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        attempts = pool;
    }

    public void stop() {
        attempts.shutdownNow();
    }

    /** The most attempts that run at once on this instance. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /**
     * Starts {@code attempt} for the hand-over on an attempt thread, or puts it in line; the caller is free at once.
     *
     * @return false when the endpoint's line is full and nothing was done
     */
    public boolean submit(HandOver handOver, Consumer<HandOver> attempt) {
        arrivals.incrementAndGet();
        Tenant tenant = tenants.computeIfAbsent(handOver.tenantId(), id -> new Tenant());
        synchronized (tenant) {
            if (!tenant.fits(handOver.endpointId())) {
                return tenant.queue(handOver);
            }
            tenant.start(handOver.endpointId());
        }
        attempts.execute(() -> work(tenant, handOver, attempt));
        return true;
    }

    /** How many hand-overs wait in this instance's lines, all tenants together. */
    public int waiting() {
        return waiting.get();
    }

    /**
     * Endpoints whose deliveries were deferred at a pace they have since far outrun, with an empty line: an overload
     * of this instance made a fast endpoint look slow, or a slow one got fast again. Their backlog was placed up to
     * {@value #MAX_DEFERRAL_MINUTES} minutes ahead at the old pace; the recovery sweep makes it due now (see
     * {@link Recovery}). Each endpoint is told once per such recovery.
     */
    public List<String> fasterAgain() {
        List<String> endpoints = new ArrayList<>();
        for (String endpoint = fasterAgain.poll(); endpoint != null; endpoint = fasterAgain.poll()) {
            endpoints.add(endpoint);
        }
        return endpoints;
    }

    /** How many hand-overs were submitted on this instance so far, whatever became of them. */
    public long arrivals() {
        return arrivals.get();
    }

    /**
     * Runs the attempt, then whatever of the tenant's line fits, until nothing does. An attempt that makes its
     * endpoint fast gives it more places at once: whatever else of the line fits then starts on threads of its own.
     */
    private void work(Tenant tenant, HandOver first, Consumer<HandOver> attempt) {
        HandOver next = first;
        while (next != null) {
            long started = System.nanoTime();
            try {
                attempt.accept(next);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Attempt of delivery " + next.deliveryId() + " failed; its lease will run out", failure);
            } finally {
                List<HandOver> more;
                synchronized (tenant) {
                    tenant.finish(next.endpointId(), System.nanoTime() - started);
                    next = tenant.nextThatFits();
                    more = next == null ? List.of() : tenant.allThatFit();
                }
                more.forEach(handOver -> attempts.execute(() -> work(tenant, handOver, attempt)));
            }
        }
    }

    /**
     * How long to defer a delivery that {@link #submit} refused because its endpoint's line is full: until the line
     * has drained, from the endpoint's recent attempt times, and never less than {@code busy-delay}. For an endpoint
     * too slow for its line to take more, one place further per deferral at the endpoint's pace, so that its backlog
     * comes back from the database about as fast as the endpoint takes it, rather than all at once to be refused
     * again; never more than {@value #MAX_DEFERRAL_MINUTES} minutes ahead, and made due at once should the
     * endpoint turn out much faster than that pace (see {@link #fasterAgain}).
     */
    public Duration deferral(HandOver handOver) {
        Tenant tenant = tenants.get(handOver.tenantId()); // made by submit(), which refused this hand-over
        synchronized (tenant) {
            return tenant.deferral(handOver.endpointId(), System.nanoTime());
        }
    }

    /**
     * For the fan-out: when the endpoint is too slow for its line on this instance to take more, the
     * {@link #deferral} its new delivery gets at once, so that it waits in the database rather than being handed over
     * only to be refused; empty when it would be attempted or put in line. Not when a fast endpoint's line is merely
     * long (an instance behind on its work): those deliveries are best kept in order on the fast path.
     */
    public Optional<Duration> backlog(String tenantId, String endpointId) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            return Optional.empty();
        }
        synchronized (tenant) {
            if (tenant.fits(endpointId) || !tenant.tooSlowForMore(endpointId)) {
                return Optional.empty();
            }
            return Optional.of(tenant.deferral(endpointId, System.nanoTime()));
        }
    }

    /** Until when (nanoTime) an endpoint's latest deferral runs, and the step per deferral its pace gave then. */
    private record Pacing(long untilNanos, long stepNanos) {
    }

    /** One tenant's attempts running on this instance, and its lines; guarded by its own monitor. */
    private final class Tenant {

        private int running;
        private final Map<String, Integer> runningPerEndpoint = new HashMap<>();
        private final Map<String, ArrayDeque<HandOver>> lines = new LinkedHashMap<>();
        private final Map<String, Long> meanNanos = new HashMap<>();
        /** The endpoint's latest deferral: the next one is placed after it. */
        private final Map<String, Pacing> paced = new HashMap<>();

        boolean fits(String endpointId) {
            return running < perTenant && runningPerEndpoint.getOrDefault(endpointId, 0) < places(endpointId);
        }

        /**
         * How many attempts the endpoint may run at once: {@code max-concurrent-per-endpoint}, or all its tenant's
         * places once it is known to answer within {@code fast-attempt}. A fast endpoint gives each place back
         * soon, so the tenant's other endpoints wait little for one; a slow one holding them all would make the
         * others wait its whole attempt time.
         */
        int places(String endpointId) {
            Long mean = meanNanos.get(endpointId);
            return mean != null && mean <= fastAttempt.toNanos() ? Math.max(perEndpoint, perTenant) : perEndpoint;
        }

        void start(String endpointId) {
            running++;
            runningPerEndpoint.merge(endpointId, 1, Integer::sum);
        }

        void finish(String endpointId, long nanos) {
            running--;
            runningPerEndpoint.computeIfPresent(endpointId, (id, count) -> count <= 1 ? null : count - 1);
            meanNanos.merge(endpointId, nanos, (mean, latest) -> mean + (latest - mean) / 8); // moving average
            Pacing pacing = paced.get(endpointId);
            if (pacing != null && waiting(endpointId) == 0
                    && expectedWait(endpointId, 1) * FASTER_AGAIN < pacing.stepNanos()) {
                paced.remove(endpointId);
                if (pacing.untilNanos() - System.nanoTime() > 0) {
                    fasterAgain.add(endpointId);
                }
            }
        }

        /**
         * Puts the hand-over in line unless the line is full: {@code max-waiting-per-endpoint}, or as many as the
         * endpoint works off within {@link #waitInLine} at its recent pace, so that nobody outwaits its lease in line.
         */
        boolean queue(HandOver handOver) {
            if (lineFull(handOver.endpointId())) {
                return false;
            }
            lines.computeIfAbsent(handOver.endpointId(), id -> new ArrayDeque<>()).add(handOver);
            waiting.incrementAndGet();
            return true;
        }

        boolean lineFull(String endpointId) {
            return waiting(endpointId) >= maxWaiting || tooSlowForMore(endpointId);
        }

        /** Whether one more in the endpoint's line would outwait {@link #waitInLine} at the endpoint's recent pace. */
        boolean tooSlowForMore(String endpointId) {
            return expectedWait(endpointId, waiting(endpointId) + 1) > waitInLine.toNanos();
        }

        /** See {@link ConcurrencyLimits#deferral}. */
        Duration deferral(String endpointId, long now) {
            long lineDrained = now + expectedWait(endpointId, waiting(endpointId));
            if (!tooSlowForMore(endpointId)) {
                return atLeastBusyDelay(lineDrained - now); // a fast endpoint's line is short-lived: no backlog to pace
            }
            Pacing previous = paced.get(endpointId);
            long step = expectedWait(endpointId, 1);
            long afterPrevious = previous == null ? lineDrained : previous.untilNanos() + step;
            long until = afterPrevious - lineDrained > 0 ? afterPrevious : lineDrained;
            long latest = now + Duration.ofMinutes(MAX_DEFERRAL_MINUTES).toNanos();
            if (until - latest > 0) {
                until = latest;
            }
            paced.put(endpointId, new Pacing(until, step));
            return atLeastBusyDelay(until - now);
        }

        private Duration atLeastBusyDelay(long nanos) {
            Duration wait = Duration.ofNanos(nanos);
            return wait.compareTo(busyDelay) > 0 ? wait : busyDelay;
        }

        int waiting(String endpointId) {
            ArrayDeque<HandOver> line = lines.get(endpointId);
            return line == null ? 0 : line.size();
        }

        /** Until the one at {@code position} in the endpoint's line starts, at its recent pace (0 before any). */
        long expectedWait(String endpointId, int position) {
            return meanNanos.getOrDefault(endpointId, 0L) * position / places(endpointId);
        }

        /** Whatever else of the lines fits, started; more than none only when an endpoint's places just grew. */
        List<HandOver> allThatFit() {
            List<HandOver> started = new ArrayList<>();
            for (HandOver fits = nextThatFits(); fits != null; fits = nextThatFits()) {
                started.add(fits);
            }
            return started;
        }

        /** The first in line of the first endpoint that has room, started; that endpoint goes to the back. */
        HandOver nextThatFits() {
            Iterator<Map.Entry<String, ArrayDeque<HandOver>>> endpoints = lines.entrySet().iterator();
            while (endpoints.hasNext()) {
                Map.Entry<String, ArrayDeque<HandOver>> line = endpoints.next();
                if (fits(line.getKey())) {
                    endpoints.remove();
                    HandOver next = line.getValue().poll();
                    waiting.decrementAndGet();
                    if (!line.getValue().isEmpty()) {
                        lines.put(line.getKey(), line.getValue());
                    }
                    start(next.endpointId());
                    return next;
                }
            }
            return null;
        }
    }
}
