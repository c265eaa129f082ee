package io.hookline.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor: what the hardware allows for Hookline's job without an application server. Each of {@code concurrency}
 * threads signs the payload Hookline sent, POSTs it with java.net.http.HttpClient to the same receiver over TLS, and
 * records the attempt with one JDBC commit (autocommit) in the same PostgreSQL. Prints {@code FLOOR <attempts/s>
 * <failed> <CPU ms per attempt>}, the CPU time being this JVM's and its database sessions' over the measured window.
 * <p>Arguments: receiverUrl jdbcUrl user password secret payloadFile trustStore concurrency warmupSeconds seconds
 */
public final class Floor {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String jdbc = args[1];
        String user = args[2];
        String password = args[3];
        byte[] secret = args[4].getBytes(StandardCharsets.UTF_8);
        String body = Files.readString(Path.of(args[5]));
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(Path.of(args[6])))
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        int concurrency = Integer.parseInt(args[7]);
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[8])).toNanos();
        long end = warmupEnd + Duration.ofSeconds(Long.parseLong(args[9])).toNanos();

        try (Connection ddl = DriverManager.getConnection(jdbc, user, password); Statement create = ddl.createStatement()) {
            create.execute("create table if not exists floor_attempt (id varchar(36) primary key, delivery_id varchar(36) not null,"
                    + " attempted_at timestamp with time zone not null, duration_ms bigint not null, status_code integer,"
                    + " succeeded boolean not null, response_excerpt text, request_headers text)");
        }
        LongAdder measured = new LongAdder();
        LongAdder failed = new LongAdder();
        List<Long> sessions = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                try (Connection db = DriverManager.getConnection(jdbc, user, password);
                     PreparedStatement insert = db.prepareStatement("insert into floor_attempt values (?,?,?,?,?,?,?,?)")) {
                    sessions.add(backendPid(db));
                    while (System.nanoTime() < end) {
                        boolean ok = attempt(http, db, insert, URI.create(url), secret, body);
                        if (!ok) {
                            failed.increment();
                        } else if (System.nanoTime() > warmupEnd) {
                            measured.increment();
                        }
                    }
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
            });
            worker.start();
            workers.add(worker);
        }
        Load.sleepUntil(warmupEnd);
        long ticksBefore = cpuTicks(sessions);
        Load.sleepUntil(end);
        long ticks = cpuTicks(sessions) - ticksBefore;
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = Double.parseDouble(args[9]);
        System.out.printf(Locale.ROOT, "FLOOR %.1f %d %.4f%n", measured.sum() / seconds, failed.sum(),
                (double) ticks * Machine.MILLIS_PER_TICK / measured.sum());
    }

    /** CPU ticks used so far by this JVM and by the PostgreSQL processes serving its sessions. */
    private static long cpuTicks(List<Long> sessions) {
        return Machine.cpuTicks(ProcessHandle.current().pid()) + sessions.stream().mapToLong(Machine::cpuTicks).sum();
    }

    private static long backendPid(Connection db) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet pid = query.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getLong(1);
        }
    }

    private static boolean attempt(HttpClient http, Connection db, PreparedStatement insert, URI url, byte[] secret,
                                   String body) throws Exception {
        String deliveryId = UUID.randomUUID().toString();
        long timestamp = System.currentTimeMillis() / 1000;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String signature = "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Toolbag-Event", "customer.created")
                .header("X-Toolbag-Delivery", deliveryId)
                .header("X-Toolbag-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        Timestamp attemptedAt = new Timestamp(System.currentTimeMillis());
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        boolean ok = response.statusCode() / 100 == 2;
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, deliveryId);
        insert.setTimestamp(3, attemptedAt);
        insert.setLong(4, (System.nanoTime() - start) / 1_000_000);
        insert.setInt(5, response.statusCode());
        insert.setBoolean(6, ok);
        insert.setString(7, response.body());
        insert.setString(8, "{\"X-Toolbag-Delivery\":\"" + deliveryId + "\",\"X-Toolbag-Signature\":\"" + signature + "\"}");
        insert.executeUpdate();
        return ok;
    }

    private static SSLContext trusting(Path store) throws Exception {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, "changeit".toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        }
    }
}
