package io.hookline.delivery.control;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A micro-measurement, not a test: borrows and releases per second on a full pool of idle connections to 256
 * receivers (the production cap, one connection each), from one thread and from as many as attempts run at once
 * by default, the way every attempt takes a connection and gives it back. Run after {@code test-compile}, from the project root:
 * {@code java -cp target/classes:target/test-classes io.hookline.delivery.control.ConnectionPoolMeasurement}.
 */
public final class ConnectionPoolMeasurement {

    private static final int RECEIVERS = WebhookClient.IDLE_TOTAL;
    private static final Duration RUN = Duration.ofSeconds(5);

    private ConnectionPoolMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0, RECEIVERS, InetAddress.getLoopbackAddress())) {
            ConnectionPool pool = new ConnectionPool(Duration.ofMinutes(5), 16, RECEIVERS);
            List<ConnectionPool.Key> keys = new ArrayList<>();
            for (int i = 0; i < RECEIVERS; i++) {
                ConnectionPool.Key key = LoopbackConnections.key("r" + i + ".example");
                keys.add(key);
                pool.release(LoopbackConnections.open(server, key));
            }
            for (int threads : new int[] {1, 64}) {
                measure(pool, keys, threads, Duration.ofSeconds(1)); // warm-up
                System.out.printf("%d idle connections, %d thread(s): %.0f borrows and releases/s%n", RECEIVERS,
                        threads, measure(pool, keys, threads, RUN));
            }
            pool.close();
        }
    }

    private static double measure(ConnectionPool pool, List<ConnectionPool.Key> keys, int count, Duration length) throws InterruptedException {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    pool.borrow(keys.get(ThreadLocalRandom.current().nextInt(keys.size()))).ifPresent(pool::release);
                    done.increment();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.sum() / (length.toNanos() / 1e9);
    }
}
