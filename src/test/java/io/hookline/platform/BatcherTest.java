package io.hookline.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatcherTest {

    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final List<Integer> alone = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchMayEnd = new CountDownLatch(1);
    private Batcher<Integer, String> batcher;

    @AfterEach
    void close() {
        firstBatchMayEnd.countDown();
        batcher.close();
    }

    @Test
    void whatQueuesUpWhileABatchRunsGoesTogetherInTheNextOneAndEachCallerGetsItsOwnResult() throws Exception {
        batcher = batcher(10, items -> items.stream().map(item -> "done " + item).toList());
        CompletableFuture<String> first = batcher.submit(0);
        awaitBatches(1); // the first item went alone, at once: nobody waits for a batch to fill
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            queued.add(batcher.submit(i));
        }
        firstBatchMayEnd.countDown();

        assertEquals("done 0", first.get(5, TimeUnit.SECONDS));
        for (int i = 1; i <= 5; i++) {
            assertEquals("done " + i, queued.get(i - 1).get(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4, 5)), batches);
    }

    @Test
    void aBatchNeverExceedsItsMaximum() throws Exception {
        batcher = batcher(2, items -> items.stream().map(String::valueOf).toList());
        batcher.submit(0);
        awaitBatches(1);
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            queued.add(batcher.submit(i));
        }
        firstBatchMayEnd.countDown();
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertEquals(List.of(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5)), batches);
    }

    @Test
    void whenABatchFailsItsItemsRunAloneAndOnlyTheBadOneFails() throws Exception {
        batcher = batcher(10, items -> {
            if (items.contains(13)) {
                throw new IllegalStateException("one bad row spoils the transaction");
            }
            return items.stream().map(String::valueOf).toList();
        });
        batcher.submit(0);
        awaitBatches(1);
        CompletableFuture<String> good = batcher.submit(12);
        CompletableFuture<String> bad = batcher.submit(13);
        CompletableFuture<String> alsoGood = batcher.submit(14);
        firstBatchMayEnd.countDown();

        assertEquals("alone 12", good.get(5, TimeUnit.SECONDS));
        assertEquals("alone 14", alsoGood.get(5, TimeUnit.SECONDS));
        CompletionException failure = assertThrows(CompletionException.class, bad::join);
        assertTrue(failure.getCause().getMessage().contains("13"), failure.toString());
        assertEquals(List.of(12, 13, 14), alone);
    }

    @Test
    void closingRunsWhatIsQueuedAndRefusesMore() throws Exception {
        batcher = batcher(10, items -> items.stream().map(String::valueOf).toList());
        batcher.submit(0);
        awaitBatches(1);
        CompletableFuture<String> queued = batcher.submit(1);
        firstBatchMayEnd.countDown();
        batcher.close();

        assertEquals("1", queued.get(5, TimeUnit.SECONDS));
        assertThrows(CompletionException.class, () -> batcher.submit(2).join());
        assertFalse(batcher.offer(3));
    }

    /** The first batch holds the thread until the test lets it end, so that others queue up behind it. */
    private Batcher<Integer, String> batcher(int maxBatch, java.util.function.Function<List<Integer>, List<String>> work) {
        return new Batcher<>("test", Executors.defaultThreadFactory(), 100, maxBatch,
                items -> {
                    batches.add(List.copyOf(items));
                    if (batches.size() == 1) {
                        awaitQuietly(firstBatchMayEnd);
                    }
                    return work.apply(items);
                },
                item -> {
                    alone.add(item);
                    if (item == 13) {
                        throw new IllegalStateException("item 13 is bad");
                    }
                    return "alone " + item;
                });
    }

    private void awaitBatches(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (batches.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, batches.size());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
