package io.hookline.delivery.control;

import io.hookline.endpoint.control.SafeTarget;
import io.hookline.endpoint.control.TargetUrl;
import io.hookline.testing.HostileReceiver;
import io.hookline.testing.HostileReceiver.Behaviour;

import javax.net.ssl.SSLSocketFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A micro-measurement, not a test: deliveries per second from one thread to a loopback keep-alive receiver, with
 * connection reuse off (a TLS handshake per request) and on. Run after {@code test-compile}, from the project root:
 * {@code java -cp target/classes:target/test-classes io.hookline.delivery.control.KeepAliveMeasurement}.
 */
public final class KeepAliveMeasurement {

    private static final Duration RUN = Duration.ofSeconds(5);

    private KeepAliveMeasurement() {
    }

    public static void main(String[] args) {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        SSLSocketFactory tls = WebhookClient.trusting(Path.of("target/test-tls/receiver.p12"), "changeit").getSocketFactory();
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.KEEP_ALIVE)) {
            SafeTarget target = new SafeTarget(TargetUrl.parse(receiver.url("/hook")), List.of(InetAddress.getLoopbackAddress()));
            for (Duration keepAlive : List.of(Duration.ZERO, Duration.ofSeconds(30))) {
                PinnedHttpsClient client = new PinnedHttpsClient(tls, Optional.empty(), Duration.ofSeconds(5),
                        Duration.ofSeconds(5), watchdog, new ConnectionPool(keepAlive, 16, 256));
                measure(client, target, Duration.ofSeconds(1)); // warm-up
                System.out.printf("keep-alive %s: %.0f requests/s (one thread, loopback TLS)%n", keepAlive, measure(client, target, RUN));
            }
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static double measure(PinnedHttpsClient client, SafeTarget target, Duration run) {
        long start = System.nanoTime();
        long end = start + run.toNanos();
        int done = 0;
        while (System.nanoTime() < end) {
            CallResult result = client.post(target, Map.of("Content-Type", "application/json"), "{\"type\":\"measure\"}");
            if (!result.succeeded()) {
                throw new IllegalStateException(result.error());
            }
            done++;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }
}
