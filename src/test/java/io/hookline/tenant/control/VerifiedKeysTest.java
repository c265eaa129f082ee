package io.hookline.tenant.control;

import io.hookline.tenant.entity.ApiKey;
import io.hookline.tenant.entity.Role;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedKeysTest {

    private static final String DIGEST = "digest-of-a-key";

    private final AtomicLong nanos = new AtomicLong();
    private final VerifiedKeys keys = new VerifiedKeys(nanos::get);
    private final ApiKey apiKey = new ApiKey("k-1", "t-1", "hash", "hk_abc", "ci", Role.ADMIN, OffsetDateTime.now());
    private final AtomicInteger hashes = new AtomicInteger();
    private final CountDownLatch hashing = new CountDownLatch(1);
    private final CountDownLatch hashMayEnd = new CountDownLatch(1);

    @Test
    void requestsArrivingDuringAVerificationShareItsHash() throws Exception {
        CompletableFuture<Optional<ApiKey>> first = verifyAsync(slowHash(() -> Optional.of(apiKey)));
        assertTrue(hashing.await(5, TimeUnit.SECONDS));
        List<Thread> waiters = new ArrayList<>();
        List<CompletableFuture<Optional<ApiKey>>> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            CompletableFuture<Optional<ApiKey>> other = new CompletableFuture<>();
            Thread waiter = new Thread(() -> other.complete(keys.verify(DIGEST, slowHash(() -> Optional.of(apiKey)))));
            waiter.start();
            waiters.add(waiter);
            others.add(other);
        }
        awaitParked(waiters);

        hashMayEnd.countDown();

        assertEquals(Optional.of(apiKey), first.get(5, TimeUnit.SECONDS));
        for (CompletableFuture<Optional<ApiKey>> other : others) {
            assertEquals(Optional.of(apiKey), other.get(5, TimeUnit.SECONDS));
        }
        assertEquals(1, hashes.get(), "one slow hash for eight requests");
        assertEquals(Optional.of(apiKey), keys.find(DIGEST, this::neverReread), "remembered");
    }

    @Test
    void aKeyThatDoesNotVerifyIsNotRemembered() {
        hashMayEnd.countDown();

        assertEquals(Optional.empty(), keys.verify(DIGEST, slowHash(Optional::empty)));
        assertEquals(Optional.empty(), keys.find(DIGEST, this::neverReread));
        assertEquals(Optional.of(apiKey), keys.verify(DIGEST, slowHash(() -> Optional.of(apiKey))));
        assertEquals(2, hashes.get(), "a later request verifies again");
    }

    @Test
    void aFailedVerificationFailsItsWaitersAndIsNotKept() throws Exception {
        CompletableFuture<Optional<ApiKey>> first = verifyAsync(slowHash(() -> {
            throw new IllegalStateException("database down");
        }));
        assertTrue(hashing.await(5, TimeUnit.SECONDS));
        CompletableFuture<Throwable> waiterFailure = new CompletableFuture<>();
        Thread waiter = new Thread(() -> waiterFailure.complete(assertThrows(IllegalStateException.class,
                () -> keys.verify(DIGEST, slowHash(() -> Optional.of(apiKey))))));
        waiter.start();
        awaitParked(List.of(waiter));

        hashMayEnd.countDown();

        assertEquals("database down", waiterFailure.get(5, TimeUnit.SECONDS).getMessage());
        assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
        assertEquals(Optional.of(apiKey), keys.verify(DIGEST, slowHash(() -> Optional.of(apiKey))), "tried afresh");
    }

    @Test
    void aKnownKeyIsReadAgainByItsIdEveryHalfMinuteNeverHashedAgain() {
        hashMayEnd.countDown();
        keys.verify(DIGEST, slowHash(() -> Optional.of(apiKey)));
        List<ApiKey> reread = new ArrayList<>();

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(29));
        assertEquals(Optional.of(apiKey), keys.find(DIGEST, this::neverReread));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(Optional.of(apiKey), keys.find(DIGEST, known -> {
            reread.add(known);
            return Optional.of(known);
        }));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(29));
        assertEquals(Optional.of(apiKey), keys.find(DIGEST, this::neverReread), "found active again 29 s ago");

        assertEquals(List.of(apiKey), reread);
        assertEquals(1, hashes.get());
    }

    @Test
    void aKeyFoundRevokedOrRemovedWhenReadAgainIsForgotten() {
        hashMayEnd.countDown();
        ApiKey revoked = new ApiKey("k-1", "t-1", "hash", "hk_abc", "ci", Role.ADMIN, OffsetDateTime.now());
        revoked.revoke(OffsetDateTime.now());
        keys.verify(DIGEST, slowHash(() -> Optional.of(apiKey)));
        keys.verify("digest-of-another-key", slowHash(() -> Optional.of(apiKey)));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(31));

        assertEquals(Optional.empty(), keys.find(DIGEST, known -> Optional.of(revoked)));
        assertEquals(Optional.empty(), keys.find("digest-of-another-key", known -> Optional.empty()));

        assertEquals(Optional.empty(), keys.find(DIGEST, this::neverReread), "forgotten: the slow hash decides again");
        assertEquals(Optional.empty(), keys.find("digest-of-another-key", this::neverReread));
    }

    private Optional<ApiKey> neverReread(ApiKey known) {
        throw new AssertionError("read again too soon: " + known.id());
    }

    private CompletableFuture<Optional<ApiKey>> verifyAsync(Supplier<Optional<ApiKey>> hash) {
        return CompletableFuture.supplyAsync(() -> keys.verify(DIGEST, hash));
    }

    /** A hash that counts itself, says it started, and ends when the test lets it. */
    private Supplier<Optional<ApiKey>> slowHash(Supplier<Optional<ApiKey>> answer) {
        return () -> {
            hashes.incrementAndGet();
            hashing.countDown();
            try {
                assertTrue(hashMayEnd.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer.get();
        };
    }

    private static void awaitParked(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING), "all waiting for the hash");
    }
}
