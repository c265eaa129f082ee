package io.hookline.delivery.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real threads: each attempt blocks until the test lets it finish, as a slow receiver would. */
class ConcurrencyLimitsTest {

    private final ConcurrencyLimits limits = limits(2, 3, 2);
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final Map<String, CountDownLatch> finish = new ConcurrentHashMap<>();

    @AfterEach
    void stopWorkers() {
        finish.values().forEach(CountDownLatch::countDown);
        workers.shutdownNow();
    }

    @Test
    void overItsLimitAnEndpointsAttemptWaitsInLineWithoutHoldingAWorker() throws Exception {
        worker("acme", "slow", "s1");
        worker("acme", "slow", "s2");
        assertEquals("s1", nextStarted());
        assertEquals("s2", nextStarted());

        assertTrue(limits.run(handOver("acme", "slow", "s3"), this::attempt), "queued, and this thread is free at once");
        assertNull(started.poll(200, TimeUnit.MILLISECONDS), "the endpoint is at its limit");

        worker("other", "healthy", "h1");
        assertEquals("h1", nextStarted(), "another tenant's endpoint is not affected");

        finish("s1");
        assertEquals("s3", nextStarted(), "the worker that finished runs the next in line");
    }

    @Test
    void aTenantWithManySlowEndpointsIsCappedAsAWhole() throws Exception {
        worker("acme", "a", "a1");
        worker("acme", "b", "b1");
        worker("acme", "c", "c1");
        for (int i = 0; i < 3; i++) {
            nextStarted();
        }
        assertTrue(limits.run(handOver("acme", "d", "d1"), this::attempt));
        assertNull(started.poll(200, TimeUnit.MILLISECONDS), "the tenant is at its limit");
        worker("other", "d", "o1");
        assertEquals("o1", nextStarted());

        finish("b1");
        assertEquals("d1", nextStarted());
    }

    @Test
    void aFullLineIsRefused() throws Exception {
        worker("acme", "slow", "s1");
        worker("acme", "slow", "s2");
        nextStarted();
        nextStarted();
        assertTrue(limits.run(handOver("acme", "slow", "s3"), this::attempt));
        assertTrue(limits.run(handOver("acme", "slow", "s4"), this::attempt));
        assertFalse(limits.run(handOver("acme", "slow", "s5"), this::attempt), "two wait already");
    }

    @Test
    void aFailingAttemptDoesNotStrandTheLine() throws Exception {
        Future<Boolean> bad = workers.submit(() -> limits.run(handOver("acme", "e", "bad"), handOver -> {
            started.add(handOver.deliveryId());
            if (handOver.deliveryId().equals("bad")) {
                await("bad");
                throw new IllegalStateException("receiver exploded");
            }
            await(handOver.deliveryId());
        }));
        assertEquals("bad", nextStarted());
        worker("acme", "e", "e2");
        assertEquals("e2", nextStarted());
        assertTrue(limits.run(handOver("acme", "e", "e3"), this::attempt));

        finish("bad");
        assertEquals("e3", nextStarted());
        finish("e3");
        assertTrue(bad.get(5, TimeUnit.SECONDS));
    }

    private void worker(String tenant, String endpoint, String delivery) {
        workers.submit(() -> limits.run(handOver(tenant, endpoint, delivery), this::attempt));
    }

    private void attempt(HandOver handOver) {
        started.add(handOver.deliveryId());
        await(handOver.deliveryId());
    }

    private void await(String delivery) {
        try {
            finish.computeIfAbsent(delivery, id -> new CountDownLatch(1)).await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish(String delivery) {
        finish.computeIfAbsent(delivery, id -> new CountDownLatch(1)).countDown();
    }

    private String nextStarted() throws InterruptedException {
        return started.poll(5, TimeUnit.SECONDS);
    }

    private static HandOver handOver(String tenant, String endpoint, String delivery) {
        return new HandOver(delivery, "token-" + delivery, tenant, endpoint);
    }

    private static ConcurrencyLimits limits(int perEndpoint, int perTenant, int maxWaiting) {
        ConcurrencyLimits limits = new ConcurrencyLimits();
        limits.perEndpoint = perEndpoint;
        limits.perTenant = perTenant;
        limits.maxWaiting = maxWaiting;
        return limits;
    }
}
