package io.hookline.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many attempts may run at once for one endpoint and for one tenant, on this instance. Workers are few (the
 * delivery listener's sessions); without these limits a slow or hanging receiver, or a tenant with many of them,
 * would hold every worker for a whole request timeout while healthy endpoints of other tenants wait.
 * <p>An attempt over a limit waits in its endpoint's line, in memory, without holding a worker: whichever worker
 * finishes an attempt of that tenant runs the next one that fits, endpoints taking turns. A waiting hand-over keeps
 * its lease token, so if it waits past its lease and the recovery timer hands the delivery over again, its claim
 * simply fails. A full line is refused, and the caller defers the delivery through the database (see
 * {@link #deferral}).
 */
@ApplicationScoped
public class ConcurrencyLimits {

    private static final Logger LOG = Logger.getLogger(ConcurrencyLimits.class.getName());

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-concurrent-per-endpoint", defaultValue = "8")
    int perEndpoint;

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-concurrent-per-tenant", defaultValue = "16")
    int perTenant;

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-waiting-per-endpoint", defaultValue = "256")
    int maxWaiting;

    /** The least a delivery waits in the database when its endpoint's line on this instance is full. */
    @Inject
    @ConfigProperty(name = "hookline.delivery.busy-delay", defaultValue = "PT2S")
    Duration busyDelay;

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    /**
     * Runs {@code attempt} for the hand-over in this thread now, or puts it in line; in both cases this thread then
     * runs whatever of the tenant's line fits until nothing does.
     *
     * @return false when the endpoint's line is full and nothing was done
     */
    public boolean run(HandOver handOver, Consumer<HandOver> attempt) {
        Tenant tenant = tenants.computeIfAbsent(handOver.tenantId(), id -> new Tenant());
        HandOver next;
        synchronized (tenant) {
            if (tenant.fits(handOver.endpointId())) {
                tenant.start(handOver.endpointId());
                next = handOver;
            } else {
                return tenant.queue(handOver);
            }
        }
        while (next != null) {
            long started = System.nanoTime();
            try {
                attempt.accept(next);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Attempt of delivery " + next.deliveryId() + " failed; its lease will run out", failure);
            } finally {
                synchronized (tenant) {
                    tenant.finish(next.endpointId(), System.nanoTime() - started);
                    next = tenant.nextThatFits();
                }
            }
        }
        return true;
    }

    /**
     * How long to defer a delivery that {@link #run} refused because its endpoint's line is full: about until the
     * line has room again, from the endpoint's recent attempt times, and never less than {@code busy-delay}. Not a
     * fixed delay, so that a slow endpoint's backlog does not cycle through the database and the broker every few
     * seconds.
     */
    public Duration deferral(HandOver handOver) {
        Tenant tenant = tenants.get(handOver.tenantId()); // made by run(), which refused this hand-over
        long meanNanos;
        synchronized (tenant) {
            meanNanos = tenant.meanNanos.getOrDefault(handOver.endpointId(), 0L);
        }
        Duration untilRoom = Duration.ofNanos(meanNanos * maxWaiting / perEndpoint);
        return untilRoom.compareTo(busyDelay) > 0 ? untilRoom : busyDelay;
    }

    /** One tenant's attempts running on this instance, and its lines; guarded by its own monitor. */
    private final class Tenant {

        private int running;
        private final Map<String, Integer> runningPerEndpoint = new HashMap<>();
        private final Map<String, ArrayDeque<HandOver>> lines = new LinkedHashMap<>();
        private final Map<String, Long> meanNanos = new HashMap<>();

        boolean fits(String endpointId) {
            return running < perTenant && runningPerEndpoint.getOrDefault(endpointId, 0) < perEndpoint;
        }

        void start(String endpointId) {
            running++;
            runningPerEndpoint.merge(endpointId, 1, Integer::sum);
        }

        void finish(String endpointId, long nanos) {
            running--;
            runningPerEndpoint.computeIfPresent(endpointId, (id, count) -> count <= 1 ? null : count - 1);
            meanNanos.merge(endpointId, nanos, (mean, latest) -> mean + (latest - mean) / 8); // moving average
        }

        boolean queue(HandOver handOver) {
            ArrayDeque<HandOver> line = lines.computeIfAbsent(handOver.endpointId(), id -> new ArrayDeque<>());
            if (line.size() >= maxWaiting) {
                return false;
            }
            line.add(handOver);
            return true;
        }

        /** The first in line of the first endpoint that has room, started; that endpoint goes to the back. */
        HandOver nextThatFits() {
            Iterator<Map.Entry<String, ArrayDeque<HandOver>>> endpoints = lines.entrySet().iterator();
            while (endpoints.hasNext()) {
                Map.Entry<String, ArrayDeque<HandOver>> line = endpoints.next();
                if (fits(line.getKey())) {
                    endpoints.remove();
                    HandOver next = line.getValue().poll();
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
