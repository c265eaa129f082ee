package io.hookline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The loopback HTTPS receiver Hookline and the floor both post to. Every request's ToolbagCRM signature is checked
 * (seed 000: {@code t=..,v1=hex(HMAC-SHA256(secret, t + "." + body))}), every arrival is timestamped by delivery id,
 * counted by path and by second. Paths under {@code /slow/} answer after 2 s; everything else answers 200 at once.
 */
final class Receiver implements AutoCloseable {

    static final long SLOW_MILLIS = 2000;

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(96);
    private final byte[] secret;
    private final long startMillis = System.currentTimeMillis();
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivalMicros = new ConcurrentHashMap<>();
    private final AtomicLongArray hooklinePerSecond = new AtomicLongArray(7200);
    private final AtomicLongArray floorPerSecond = new AtomicLongArray(7200);
    private final LongAdder badSignatures = new LongAdder();
    private volatile byte[] sampleBody;

    Receiver(Path keyStore, String secret) throws IOException, GeneralSecurityException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setHttpsConfigurator(new HttpsConfigurator(tls(keyStore)));
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Arrivals so far on every path starting with {@code prefix}. */
    long count(String prefix) {
        return byPath.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Wall-clock arrival (µs since the epoch) of a delivery, or null if it never came. */
    Long arrivalMicros(String deliveryId) {
        return arrivalMicros.get(deliveryId);
    }

    /** The first body Hookline delivered: the floor signs and sends the same payload. */
    byte[] sampleBody() {
        return sampleBody;
    }

    long badSignatures() {
        return badSignatures.sum();
    }

    long startMillis() {
        return startMillis;
    }

    long hooklineInSecond(int second) {
        return second < hooklinePerSecond.length() ? hooklinePerSecond.get(second) : 0;
    }

    long floorInSecond(int second) {
        return second < floorPerSecond.length() ? floorPerSecond.get(second) : 0;
    }

    /** The bench's clock for arrivals, CRM answers and stored timestamps alike: µs since the epoch. */
    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long nowMicros = micros(Instant.now());
        long nowMillis = nowMicros / 1000;
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        if (!verified(exchange.getRequestHeaders().getFirst("X-Toolbag-Signature"), body)) {
            badSignatures.increment();
        }
        String deliveryId = exchange.getRequestHeaders().getFirst("X-Toolbag-Delivery");
        if (deliveryId != null) {
            arrivalMicros.putIfAbsent(deliveryId, nowMicros);
        }
        if (sampleBody == null && !path.startsWith("/floor")) {
            sampleBody = body;
        }
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        int second = (int) ((nowMillis - startMillis) / 1000);
        if (second < hooklinePerSecond.length()) {
            (path.startsWith("/floor") ? floorPerSecond : hooklinePerSecond).incrementAndGet(second);
        }
        if (path.startsWith("/slow/")) {
            pause(SLOW_MILLIS);
        }
        byte[] answer = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private boolean verified(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String timestamp = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1") && v1 == null) {
                v1 = pair[1];
            }
        }
        if (timestamp == null || v1 == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static SSLContext tls(Path keyStore) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, "changeit".toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, "changeit".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            return tls;
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
