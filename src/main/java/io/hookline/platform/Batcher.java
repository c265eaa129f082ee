package io.hookline.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs work in batches on a thread of its own ("smart batching"): each batch is whatever queued up while the previous
 * one ran, up to a maximum, and nobody waits for a batch to fill. At rest every item goes alone the moment it
 * arrives; under load one transaction serves many callers, which is how the pipeline pays far less than one commit
 * per delivery. When a whole batch fails (a lock timeout, one bad row), its items are run one by one, so an item
 * costs only itself. A full queue makes {@link #submit} wait, which slows producers to the batches' pace.
 *
 * @param <T> what callers submit
 * @param <R> what each item comes to
 */
public final class Batcher<T, R> {

    private static final Logger LOG = Logger.getLogger(Batcher.class.getName());

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    private final String name;
    private final int maxBatch;
    private final Function<List<T>, List<R>> whole;
    private final Function<T, R> single;
    private final BlockingQueue<Pending<T, R>> queue;
    private final Thread thread;
    private volatile boolean open = true;

    /**
     * @param whole  runs a batch (in one transaction) and answers one result per item, in order
     * @param single runs one item on its own, after its batch failed
     */
    public Batcher(String name, ThreadFactory threads, int capacity, int maxBatch,
                   Function<List<T>, List<R>> whole, Function<T, R> single) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.whole = whole;
        this.single = single;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = threads.newThread(this::loop);
        thread.setName("hookline-" + name);
        thread.start();
    }

    /** A batcher whose items come to nothing but being done. */
    public static <T> Batcher<T, Void> of(String name, ThreadFactory threads, int capacity, int maxBatch,
                                          Consumer<List<T>> whole, Consumer<T> single) {
        return new Batcher<>(name, threads, capacity, maxBatch,
                items -> {
                    whole.accept(items);
                    return Collections.nCopies(items.size(), null);
                },
                item -> {
                    single.accept(item);
                    return null;
                });
    }

    /** Queues the item unless the queue is full; false then, and nothing is queued. */
    public boolean offer(T item) {
        return open && queue.offer(new Pending<>(item, new CompletableFuture<>()));
    }

    /** Queues the item for the next batch; the future completes once its batch has run (committed or not). */
    public CompletableFuture<R> submit(T item) {
        CompletableFuture<R> result = new CompletableFuture<>();
        if (!open) {
            result.completeExceptionally(new IllegalStateException(name + " is shut down"));
            return result;
        }
        try {
            queue.put(new Pending<>(item, result));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(interrupted);
        }
        return result;
    }

    /** Runs what is queued, then stops the thread. */
    public void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                if (open) {
                    batch.add(queue.take());
                }
            } catch (InterruptedException stopping) {
                continue; // open is false now: run what is left, then end
            }
            queue.drainTo(batch, maxBatch - batch.size());
            run(batch);
            batch.clear();
        }
    }

    private void run(List<Pending<T, R>> batch) {
        try {
            List<R> results = whole.apply(batch.stream().map(Pending::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException failure) {
            if (batch.size() > 1) {
                LOG.log(Level.FINE, failure, () -> name + ": a batch of " + batch.size() + " failed; running its items one by one");
                batch.forEach(this::runAlone);
            } else {
                fail(batch.get(0), failure);
            }
        }
    }

    private void runAlone(Pending<T, R> pending) {
        try {
            pending.result().complete(single.apply(pending.item()));
        } catch (RuntimeException failure) {
            fail(pending, failure);
        }
    }

    private void fail(Pending<T, R> pending, RuntimeException failure) {
        LOG.log(Level.WARNING, name + " failed for " + pending.item(), failure);
        pending.result().completeExceptionally(failure);
    }
}
