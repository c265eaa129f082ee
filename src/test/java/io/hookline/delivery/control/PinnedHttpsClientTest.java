package io.hookline.delivery.control;

import io.hookline.endpoint.control.SafeTarget;
import io.hookline.endpoint.control.TargetUrl;
import io.hookline.testing.HostileReceiver;
import io.hookline.testing.HostileReceiver.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delivery transport against real misbehaving HTTPS receivers on loopback: every one ends as a clear failure. */
class PinnedHttpsClientTest {

    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");
    private static ScheduledExecutorService watchdog;
    private static SSLSocketFactory trusted;

    @BeforeAll
    static void setUp() {
        watchdog = Executors.newSingleThreadScheduledExecutor();
        trusted = WebhookClient.trusting(Path.of(System.getProperty("it.tls.store", "target/test-tls/receiver.p12")), "changeit")
                .getSocketFactory();
    }

    @AfterAll
    static void tearDown() {
        watchdog.shutdownNow();
    }

    private static PinnedHttpsClient client(Optional<InetSocketAddress> proxy) {
        return client(proxy, Duration.ofSeconds(30));
    }

    static PinnedHttpsClient client(Optional<InetSocketAddress> proxy, Duration keepAlive) {
        return new PinnedHttpsClient(trusted, proxy, Duration.ofSeconds(5), Duration.ofSeconds(3), watchdog,
                new ConnectionPool(keepAlive, 16, 256));
    }

    private static SafeTarget loopback(String url) {
        return new SafeTarget(TargetUrl.parse(url), List.of(InetAddress.getLoopbackAddress()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "REDIRECT     | 302 | HTTP 302 redirect to https://169.254.169.254/latest/meta-data/ (redirects are not followed)",
            "ENDLESS_BODY | 200 | HTTP 200 with a response body over 64 KiB: cut off",
            "SLOW_DRIP    |     | Timed out waiting for the response: no complete response within the request timeout of PT3S",
            "HANG         |     | Timed out waiting for the response",
            "HUGE_HEADERS |     | The response headers exceeded 16 KiB"})
    void aHostileReceiverEndsAsAFailedAttemptThatSaysWhy(Behaviour behaviour, Integer status, String error) {
        try (HostileReceiver receiver = HostileReceiver.start(behaviour)) {
            CallResult result = client(Optional.empty()).post(loopback(receiver.url("/hook")), HEADERS, "{}");
            assertFalse(result.succeeded());
            assertEquals(status, result.statusCode());
            assertTrue(result.error().startsWith(error), result.error());
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedBeforeAnythingIsSent() {
        try (HostileReceiver receiver = HostileReceiver.startUntrusted()) {
            CallResult result = client(Optional.empty()).post(loopback(receiver.url("/hook")), HEADERS, "{}");
            assertTrue(result.error().startsWith("TLS certificate of 127.0.0.1 refused"), result.error());
            assertEquals(0, receiver.requests());
        }
    }

    /** The socket goes to the checked address, and the certificate must still be for the name in the URL. */
    @Test
    void theCertificateMustBeForTheUrlsHostWhateverAddressIsConnected() {
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.HEALTHY)) {
            String url = receiver.url("/hook").replace("127.0.0.1", "hooks.example.com");
            CallResult result = client(Optional.empty()).post(loopback(url), HEADERS, "{}");
            assertTrue(result.error().startsWith("TLS certificate of hooks.example.com refused"), result.error());
        }
    }

    @Test
    void aHealthyReceiverSucceeds() {
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.HEALTHY)) {
            CallResult result = client(Optional.empty()).post(loopback(receiver.url("/hook")), HEADERS, "{}");
            assertTrue(result.succeeded(), result.error());
            assertEquals("ok", result.responseExcerpt());
        }
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CallResult result = client(Optional.empty()).post(loopback("https://127.0.0.1:" + port + "/"), HEADERS, "{}");
        assertTrue(result.error().startsWith("ConnectException connecting"), result.error());
    }

    /** Through an egress proxy the tunnel is opened to the checked address, so the proxy cannot resolve anew. */
    @Test
    void aProxyTunnelsToTheCheckedAddress() throws Exception {
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.HEALTHY); ConnectProxy proxy = new ConnectProxy()) {
            CallResult result = client(Optional.of(proxy.address())).post(loopback(receiver.url("/hook")), HEADERS, "{}");
            assertTrue(result.succeeded(), result.error());
            assertEquals("CONNECT " + receiver.url("").substring("https://".length()) + " HTTP/1.1", proxy.requestLine);
        }
    }

    @Test
    void sequentialRequestsToAKeepAliveReceiverShareOneConnection() {
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.KEEP_ALIVE)) {
            PinnedHttpsClient client = client(Optional.empty());
            for (int i = 0; i < 3; i++) {
                CallResult result = client.post(loopback(receiver.url("/hook")), HEADERS, "{}");
                assertTrue(result.succeeded(), result.error());
                assertEquals("ok", result.responseExcerpt());
            }
            assertEquals(3, receiver.requests());
            assertEquals(1, receiver.connections());
        }
    }

    /** Connection: close, a body over the cap, a redirect: the connection is closed, the next request opens another. */
    @ParameterizedTest
    @CsvSource({"HEALTHY", "ENDLESS_BODY", "REDIRECT"})
    void aResponseThatDidNotEndCleanlyClosesItsConnection(Behaviour behaviour) {
        try (HostileReceiver receiver = HostileReceiver.start(behaviour)) {
            PinnedHttpsClient client = client(Optional.empty());
            client.post(loopback(receiver.url("/hook")), HEADERS, "{}");
            client.post(loopback(receiver.url("/hook")), HEADERS, "{}");
            assertEquals(2, receiver.connections());
        }
    }

    @Test
    void aConnectionTheReceiverClosedWhileIdleIsRetriedOnceOnAFreshOne() {
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.IDLE_CLOSE)) {
            PinnedHttpsClient client = client(Optional.empty());
            for (int i = 0; i < 3; i++) {
                CallResult result = client.post(loopback(receiver.url("/hook")), HEADERS, "{}");
                assertTrue(result.succeeded(), result.error());
            }
            assertEquals(3, receiver.requests());
            assertEquals(3, receiver.connections());
        }
    }

    @Test
    void aReusedConnectionThatBreaksAfterResponseBytesIsNotRetried() {
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.PARTIAL_ON_REUSE)) {
            PinnedHttpsClient client = client(Optional.empty());
            assertTrue(client.post(loopback(receiver.url("/hook")), HEADERS, "{}").succeeded());
            CallResult result = client.post(loopback(receiver.url("/hook")), HEADERS, "{}");
            assertEquals("The receiver closed the connection in the middle of its response headers.", result.error());
            assertEquals(2, receiver.requests());
            assertEquals(1, receiver.connections());
        }
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "PT0.05S"})
    void aConnectionIdleLongerThanTheKeepAliveIsNotReused(Duration keepAlive) throws InterruptedException {
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.KEEP_ALIVE)) {
            PinnedHttpsClient client = client(Optional.empty(), keepAlive);
            assertTrue(client.post(loopback(receiver.url("/hook")), HEADERS, "{}").succeeded());
            Thread.sleep(200);
            assertTrue(client.post(loopback(receiver.url("/hook")), HEADERS, "{}").succeeded());
            assertEquals(2, receiver.connections());
        }
    }

    /** Through a proxy the tunnel is kept too: one CONNECT for two requests. */
    @Test
    void aProxyTunnelIsReusedForTheSameCheckedAddress() throws Exception {
        try (HostileReceiver receiver = HostileReceiver.start(Behaviour.KEEP_ALIVE); ConnectProxy proxy = new ConnectProxy()) {
            PinnedHttpsClient client = client(Optional.of(proxy.address()));
            assertTrue(client.post(loopback(receiver.url("/hook")), HEADERS, "{}").succeeded());
            assertTrue(client.post(loopback(receiver.url("/hook")), HEADERS, "{}").succeeded());
            assertEquals(1, receiver.connections());
        }
    }

    /** Just enough of an HTTP CONNECT proxy for one tunnel. */
    private static final class ConnectProxy implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private volatile String requestLine;

        ConnectProxy() throws IOException {
            Thread thread = new Thread(this::tunnelOnce);
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            return InetSocketAddress.createUnresolved("127.0.0.1", server.getLocalPort());
        }

        private void tunnelOnce() {
            try (Socket client = server.accept()) {
                BufferedReader head = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII), 1);
                requestLine = head.readLine();
                while (!head.readLine().isEmpty()) {
                    // the rest of the CONNECT request
                }
                String[] target = requestLine.split(" ")[1].split(":");
                try (Socket upstream = new Socket(target[0], Integer.parseInt(target[1]))) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    Thread back = new Thread(() -> pipe(upstream, client));
                    back.setDaemon(true);
                    back.start();
                    pipe(client, upstream);
                    back.join();
                }
            } catch (IOException | InterruptedException gone) {
                // the test is over
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                in.transferTo(out);
                to.shutdownOutput();
            } catch (IOException closed) {
                // one side hung up
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
