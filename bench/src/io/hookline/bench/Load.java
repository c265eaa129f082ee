package io.hookline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/** The two ways the benchmark offers CRM writes: closed loop (as fast as allowed) and open loop (a fixed rate). */
final class Load {

    /** What a load run did in its measured window (after the warm-up). */
    record Run(Instant start, Instant end, long posts, long errors, long[] latencyNanos) {
        double seconds() {
            return Duration.between(start, end).toNanos() / 1e9;
        }

        double postsPerSecond() {
            return posts / seconds();
        }

        /** Mean response time over several runs (each response weighs the same). */
        static double meanMillis(List<Run> runs) {
            long sum = 0;
            long count = 0;
            for (Run run : runs) {
                for (long nanos : run.latencyNanos) {
                    sum += nanos;
                }
                count += run.latencyNanos.length;
            }
            return count == 0 ? Double.NaN : sum / 1e6 / count;
        }

        static double perSecond(List<Run> runs) {
            return runs.stream().mapToLong(Run::posts).sum() / runs.stream().mapToDouble(Run::seconds).sum();
        }
    }

    /** Told on the caller's thread when a run's measured window opens and when it closes. */
    record Window(Runnable opened, Runnable closed) {
        static final Window NONE = new Window(() -> { }, () -> { });
    }

    private Load() {
    }

    static Run closed(int threads, Duration warmup, Duration measure, BooleanSupplier mayPost, Runnable post) {
        return closed(threads, warmup, measure, mayPost, post, Window.NONE);
    }

    /**
     * {@code threads} writers post back to back while {@code mayPost} allows (the back-pressure that keeps a
     * saturated pipeline from queueing without bound), for the warm-up and then the measured time, which
     * {@code window} is told of.
     */
    static Run closed(int threads, Duration warmup, Duration measure, BooleanSupplier mayPost, Runnable post,
                      Window window) {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long until = measureFrom + measure.toNanos();
        LongAdder posts = new LongAdder();
        LongAdder errors = new LongAdder();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(() -> {
                while (System.nanoTime() < until) {
                    if (!mayPost.getAsBoolean()) {
                        Receiver.pause(2);
                        continue;
                    }
                    long started = System.nanoTime();
                    boolean ok = timed(post, errors);
                    if (ok && started >= measureFrom && System.nanoTime() < until) {
                        posts.increment();
                        latencies.add(System.nanoTime() - started);
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        Instant start = Instant.now().plus(warmup);
        sleepUntil(measureFrom);
        window.opened().run();
        sleepUntil(until);
        window.closed().run();
        joinAll(writers);
        return new Run(start, start.plus(measure), posts.sum(), errors.sum(), toArray(latencies));
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code nanoTime}. */
    static void sleepUntil(long nanoTime) {
        Receiver.pause(Math.max(0, (nanoTime - System.nanoTime()) / 1_000_000));
    }

    /**
     * Open loop: a write is started every {@code 1/rate} seconds whether or not earlier ones have answered (up to 256
     * at once; beyond that they queue). {@code posts} counts the writes answered within the measured window, so
     * {@link Run#postsPerSecond()} is the rate achieved, not the rate offered.
     */
    static Run open(double rate, Duration warmup, Duration measure, Runnable post) {
        ExecutorService senders = Executors.newFixedThreadPool(256);
        LongAdder posts = new LongAdder();
        LongAdder errors = new LongAdder();
        long begin = System.nanoTime();
        long measureFrom = begin + warmup.toNanos();
        long until = measureFrom + measure.toNanos();
        Instant start = Instant.now().plus(warmup);
        for (long i = 0; ; i++) {
            long due = begin + (long) (i * 1e9 / rate);
            if (due >= until) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            senders.execute(() -> {
                if (timed(post, errors) && System.nanoTime() >= measureFrom && System.nanoTime() < until) {
                    posts.increment();
                }
            });
        }
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Run(start, start.plus(measure), posts.sum(), errors.sum(), new long[0]);
    }

    private static boolean timed(Runnable post, LongAdder errors) {
        try {
            post.run();
            return true;
        } catch (RuntimeException failure) {
            if (errors.sum() < 3) {
                System.err.println("write failed: " + failure.getMessage());
            }
            errors.increment();
            return false;
        }
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long[] toArray(ConcurrentLinkedQueue<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
