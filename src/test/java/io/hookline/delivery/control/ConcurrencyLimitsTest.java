package io.hookline.delivery.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hookline.testing.Await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real threads: each attempt blocks until the test lets it finish, as a slow receiver would. */
class ConcurrencyLimitsTest {

    private final ConcurrencyLimits limits = limits(2, 3, 2, 4);
    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final Map<String, String> threadOf = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> finish = new ConcurrentHashMap<>();

    @AfterEach
    void stopAttempts() {
        finish.values().forEach(CountDownLatch::countDown);
        limits.stop();
    }

    @Test
    void attemptsRunOnAttemptThreadsAndTheCallerIsFreeAtOnce() throws Exception {
        assertTrue(submit("acme", "slow", "s1"), "started, while its receiver takes its time");
        assertEquals("s1", nextStarted());
        assertTrue(threadOf.get("s1").startsWith("hookline-attempt-"), threadOf.get("s1"));
    }

    @Test
    void overItsLimitAnEndpointsAttemptWaitsInLine() throws Exception {
        submit("acme", "slow", "s1");
        submit("acme", "slow", "s2");
        assertEquals(Set.of("s1", "s2"), Set.of(nextStarted(), nextStarted()));

        assertTrue(submit("acme", "slow", "s3"), "queued");
        assertNull(started.poll(200, TimeUnit.MILLISECONDS), "the endpoint is at its limit");
        assertEquals(1, limits.waiting(), "what the recovery sweep reads before handing over more");

        submit("other", "healthy", "h1");
        assertEquals("h1", nextStarted(), "another tenant's endpoint is not affected");

        finish("s1");
        assertEquals("s3", nextStarted(), "the thread that finished runs the next in line");
        assertEquals(0, limits.waiting());
        assertEquals(4, limits.arrivals(), "every submission counts, started at once or in line");
    }

    @Test
    void aTenantWithManySlowEndpointsIsCappedAsAWhole() throws Exception {
        submit("acme", "a", "a1");
        submit("acme", "b", "b1");
        submit("acme", "c", "c1");
        for (int i = 0; i < 3; i++) {
            nextStarted();
        }
        assertTrue(submit("acme", "d", "d1"));
        assertNull(started.poll(200, TimeUnit.MILLISECONDS), "the tenant is at its limit");
        submit("other", "d", "o1");
        assertEquals("o1", nextStarted());

        finish("b1");
        assertEquals("d1", nextStarted());
    }

    @Test
    void anEndpointThatAnswersFastMayUseAllItsTenantsPlacesASlowOneOnlyItsOwn() throws Exception {
        limits.fastAttempt = Duration.ofMillis(500);
        submit("acme", "fast", "f1");
        assertEquals("f1", nextStarted());
        finish("f1");
        Thread.sleep(300); // f1's thread records its time and gives its place back after the latch opens
        assertTrue(submit("acme", "fast", "f2"));
        assertTrue(submit("acme", "fast", "f3"));
        assertTrue(submit("acme", "fast", "f4"));
        assertEquals(Set.of("f2", "f3", "f4"), Set.of(nextStarted(), nextStarted(), nextStarted()),
                "three places, the tenant's all, where an endpoint has two");
        finish("f2");
        finish("f3");
        finish("f4");

        slowEndpointAtItsLimit(); // two running after one of 600 ms
        assertTrue(submit("acme", "slow", "s4"));
        assertNull(started.poll(200, TimeUnit.MILLISECONDS), "a slow endpoint keeps to two, though the tenant has a third");
        submit("acme", "fast", "f5");
        assertEquals("f5", nextStarted(), "the place it left is the fast endpoint's");
    }

    @Test
    void anEndpointThatTurnsFastStartsAllOfItsLineThatNowFits() throws Exception {
        limits.fastAttempt = Duration.ofMillis(500);
        submit("acme", "e", "e1");
        submit("acme", "e", "e2");
        assertEquals(Set.of("e1", "e2"), Set.of(nextStarted(), nextStarted()));
        assertTrue(submit("acme", "e", "e3"));
        assertTrue(submit("acme", "e", "e4"));
        assertNull(started.poll(200, TimeUnit.MILLISECONDS), "two places while nothing is known of it");

        finish("e1"); // fast: the endpoint may use the tenant's three places
        assertEquals(Set.of("e3", "e4"), Set.of(nextStarted(), nextStarted()), "e2 still runs");
    }

    @Test
    void theInstanceRunsAtMostMaxConcurrentAttempts() throws Exception {
        for (String tenant : new String[] {"t1", "t2", "t3", "t4", "t5"}) {
            submit(tenant, "e", tenant);
        }
        for (int i = 0; i < 4; i++) {
            nextStarted();
        }
        assertNull(started.poll(200, TimeUnit.MILLISECONDS), "four threads, all busy");
        finish(threadOf.keySet().iterator().next());
        assertEquals("t5", nextStarted());
    }

    @Test
    void aFullLineIsRefused() throws Exception {
        submit("acme", "slow", "s1");
        submit("acme", "slow", "s2");
        nextStarted();
        nextStarted();
        assertTrue(submit("acme", "slow", "s3"));
        assertTrue(submit("acme", "slow", "s4"));
        assertFalse(submit("acme", "slow", "s5"), "two wait already");
    }

    @Test
    void aSlowEndpointsLineHoldsOnlyWhatItWorksOffWithinTheWaitInLine() throws Exception {
        slowEndpointAtItsLimit();

        int admitted = 0;
        while (submit("acme", "slow", "w" + admitted)) {
            admitted++;
        }
        assertTrue(admitted >= 1 && admitted <= 3, "300 ms or more per place in line, 1 s to wait: " + admitted);
        assertTrue(limits.deferral(handOver("acme", "slow", "refused")).compareTo(Duration.ofMillis(300)) >= 0,
                "deferred about until the line has drained");
    }

    @Test
    void aBacklogComesBackAtTheEndpointsPaceNotAllAtOnce() throws Exception {
        slowEndpointAtItsLimit();
        while (submit("acme", "slow", "w" + limits.waiting())) {
            // fill the line
        }

        Duration first = limits.deferral(handOver("acme", "slow", "d1"));
        Duration second = limits.deferral(handOver("acme", "slow", "d2"));
        Duration third = limits.deferral(handOver("acme", "slow", "d3"));
        assertTrue(second.minus(first).compareTo(Duration.ofMillis(250)) >= 0, first + " then " + second);
        assertTrue(third.minus(second).compareTo(Duration.ofMillis(250)) >= 0, second + " then " + third);
        assertTrue(third.compareTo(Duration.ofMinutes(10)) <= 0, "never beyond ten minutes: " + third);
    }

    @Test
    void anEndpointFarFasterThanItsBacklogWasPacedForIsToldOnceItsLineIsEmpty() throws Exception {
        slowEndpointAtItsLimit();
        while (submit("acme", "slow", "w" + limits.waiting())) {
            // fill the line
        }
        for (int i = 0; i < 30; i++) {
            limits.deferral(handOver("acme", "slow", "d" + i)); // paced at 300 ms a place: 9 s ahead
        }
        assertEquals(List.of(), limits.fasterAgain(), "as slow as its backlog was paced for");

        Thread.sleep(600);
        finish("s2");
        finish("s3");
        for (String next = nextStarted(); next != null; next = started.poll(500, TimeUnit.MILLISECONDS)) {
            Thread.sleep(600);
            finish(next); // the line, as slowly
        }
        assertEquals(List.of(), limits.fasterAgain(), "its line is empty, but it is as slow as its backlog was paced for");

        for (int i = 0; i < 20; i++) { // from now on the receiver answers at once
            submit("acme", "slow", "fast" + i);
            finish(nextStarted());
        }
        assertEquals(List.of("slow"), Await.until(Duration.ofSeconds(5), limits::fasterAgain, told -> !told.isEmpty()));
        submit("acme", "slow", "once-more");
        finish(nextStarted());
        Thread.sleep(200);
        assertEquals(List.of(), limits.fasterAgain(), "told once");
    }

    @Test
    void theFanOutIsToldWhenAnEndpointIsTooSlowForMore() throws Exception {
        assertTrue(limits.backlog("acme", "fast").isEmpty(), "nothing known of the endpoint yet");
        submit("acme", "fast", "f1");
        submit("acme", "fast", "f2");
        nextStarted();
        nextStarted();
        submit("acme", "fast", "f3");
        submit("acme", "fast", "f4");
        assertFalse(submit("acme", "fast", "f5"), "a full line");
        assertTrue(limits.backlog("acme", "fast").isEmpty(), "but a fast endpoint's: its deliveries keep to the fast path");
        finish("f1");
        finish("f2");
        assertEquals(Set.of("f3", "f4"), Set.of(nextStarted(), nextStarted()));
        finish("f3");
        finish("f4");

        slowEndpointAtItsLimit();
        assertTrue(limits.backlog("acme", "slow").isEmpty(), "its line has room for what it works off in 1 s");
        while (submit("acme", "slow", "w" + limits.waiting())) {
            // fill the line
        }
        long arrivals = limits.arrivals();

        assertTrue(limits.backlog("acme", "slow").orElseThrow().compareTo(Duration.ofMillis(100)) >= 0,
                "the new delivery waits in the database, at least the busy delay");
        assertTrue(limits.backlog("acme", "other").isEmpty(), "the tenant's other endpoint still takes deliveries");
        assertEquals(arrivals, limits.arrivals(), "asking hands nothing over");
    }

    @Test
    void aFailingAttemptDoesNotStrandTheLine() throws Exception {
        assertTrue(limits.submit(handOver("acme", "e", "bad"), handOver -> {
            started.add(handOver.deliveryId());
            if (handOver.deliveryId().equals("bad")) {
                await("bad");
                throw new IllegalStateException("receiver exploded");
            }
            await(handOver.deliveryId());
        }));
        assertEquals("bad", nextStarted());
        submit("acme", "e", "e2");
        assertEquals("e2", nextStarted());
        assertTrue(submit("acme", "e", "e3"));

        finish("bad");
        assertEquals("e3", nextStarted());
    }

    /**
     * Endpoint "slow" of tenant "acme" with its two attempts running, after one that took 600 ms or more: a place in
     * its line every 300 ms or more, against a wait in line of 1 s.
     */
    private void slowEndpointAtItsLimit() throws InterruptedException {
        limits.waitInLine = Duration.ofSeconds(1);
        limits.maxWaiting = 100;
        submit("acme", "slow", "s1");
        assertEquals("s1", nextStarted());
        Thread.sleep(600);
        finish("s1");
        submit("acme", "slow", "s2");
        submit("acme", "slow", "s3");
        assertEquals(Set.of("s2", "s3"), Set.of(nextStarted(), nextStarted()));
    }

    private boolean submit(String tenant, String endpoint, String delivery) {
        return limits.submit(handOver(tenant, endpoint, delivery), this::attempt);
    }

    private void attempt(HandOver handOver) {
        threadOf.put(handOver.deliveryId(), Thread.currentThread().getName());
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

    private static ConcurrencyLimits limits(int perEndpoint, int perTenant, int maxWaiting, int maxConcurrent) {
        ConcurrencyLimits limits = new ConcurrencyLimits();
        limits.perEndpoint = perEndpoint;
        limits.perTenant = perTenant;
        limits.maxWaiting = maxWaiting;
        limits.maxConcurrent = maxConcurrent;
        limits.waitInLine = Duration.ofSeconds(30);
        limits.busyDelay = Duration.ofMillis(100);
        limits.fastAttempt = Duration.ofMillis(100);
        limits.start(Thread::new);
        return limits;
    }
}
