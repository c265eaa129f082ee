package io.hookline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTPS webhook receiver on 127.0.0.1 with the build's self-signed certificate (which the server under test
 * trusts). It records every request and answers with scripted status codes, then with a default.
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived; header names are lower-cased. */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Rule> rules = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int defaultStatus = 200;
    private volatile Duration delay = Duration.ZERO;

    private Receiver(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a receiver with the keystore the build generated (property it.tls.store or hookline.delivery.trust-store). */
    public static Receiver start() {
        String store = Optional.ofNullable(System.getProperty("it.tls.store"))
                .orElseGet(() -> System.getProperty("hookline.delivery.trust-store"));
        try {
            return new Receiver(serverTls(Path.of(store)));
        } catch (IOException failure) {
            throw new IllegalStateException("cannot start the HTTPS receiver with " + store, failure);
        }
    }

    /** A TLS server context with the key in a PKCS12 store (password changeit), for the tests' receivers. */
    static SSLContext serverTls(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, "changeit".toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, "changeit".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            return tls;
        } catch (IOException | java.security.GeneralSecurityException failure) {
            throw new IllegalStateException("cannot load the receiver key from " + store, failure);
        }
    }

    public String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these statuses, in order; later ones get the default. */
    public Receiver respond(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    /** Requests matching {@code when} get this status and headers, before any script or default. */
    public Receiver respondWhen(Predicate<Received> when, int status, Map<String, String> headers) {
        rules.add(new Rule(when, status, headers));
        return this;
    }

    private record Rule(Predicate<Received> when, int status, Map<String, String> headers) {
    }

    /** Forgets rules and script: from now on every request gets 200. */
    public void acceptEverything() {
        rules.clear();
        script.clear();
        defaultStatus = 200;
    }

    /** Every request is answered only after {@code pause}: a slow receiver (each holds one of its 8 threads). */
    public Receiver respondAfter(Duration pause) {
        delay = pause;
        return this;
    }

    public Receiver respondByDefault(int status) {
        defaultStatus = status;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} requests match (or the timeout passes) and returns those that did. */
    public List<Received> await(int count, Predicate<Received> filter, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Received> matching = received(filter);
        while (matching.size() < count && Instant.now().isBefore(deadline)) {
            Await.pause(50);
            matching = received(filter);
        }
        return matching;
    }

    public List<Received> await(int count, Duration timeout) {
        return await(count, any -> true, timeout);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Received request = new Received(exchange.getRequestURI().getPath(), headers, body, Instant.now());
        received.add(request);
        if (!delay.isZero()) {
            Await.pause(delay.toMillis());
        }
        Optional<Rule> rule = rules.stream().filter(r -> r.when().test(request)).findFirst();
        rule.ifPresent(r -> r.headers().forEach(exchange.getResponseHeaders()::add));
        Integer scripted = rule.isPresent() ? null : script.poll();
        int status = rule.map(Rule::status).orElse(scripted == null ? defaultStatus : scripted);
        byte[] answer = ("{\"received\":" + (status / 100 == 2) + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        received.forEach(r -> lines.add(r.path() + " " + r.header("x-toolbag-event")));
        return "Receiver" + lines;
    }
}
