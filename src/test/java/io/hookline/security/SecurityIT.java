package io.hookline.security;

import io.hookline.platform.SecretCipher;
import io.hookline.testing.ApiClient;
import io.hookline.testing.ApiClient.Reply;
import io.hookline.testing.Await;
import io.hookline.testing.HostileReceiver;
import io.hookline.testing.HostileReceiver.Behaviour;
import io.hookline.testing.PayaraProcess;
import io.hookline.testing.Receiver;
import io.hookline.testing.ToolbagSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security hardening end to end, on one Payara Micro of its own (own database, loopback opened by an allow-list
 * rather than allow-private-targets, short request timeout): hostile URLs refused through the API, hostile receivers
 * recorded as failed attempts while a healthy endpoint keeps receiving, and a known secret found afterwards only
 * sealed in its column: not in the server's output, not in API answers after creation, nowhere else in the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SECRET = "whsec_known-secret-for-the-grep-7f3a9c";
    private static final String MASTER_KEY = "aG9va2xpbmUtaW50ZWdyYXRpb24tdGVzdC1rZXktMzI=";

    private static Path database;
    private static PayaraProcess server;
    private static ApiClient api;
    private static Receiver healthy;
    private static final List<String> answers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of(System.getProperty("it.work.dir"), "security-db");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        database = dir.resolve("hookline");
        server = PayaraProcess.start("security", List.of(
                "-Dhookline.datasource.url=jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dhookline.datasource.user=sa", "-Dhookline.datasource.password=sa", // not the PostgreSQL pass's
                "-Dhookline.delivery.allow-private-targets=false",
                "-Dhookline.delivery.allowed-cidrs=127.0.0.0/8",
                "-Dhookline.delivery.request-timeout=PT3S",
                "-Dhookline.delivery.retry-delays=PT1S"));
        api = new ApiClient(server.base(), "it-admin-key");
        healthy = Receiver.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (healthy != null) {
            healthy.close();
        }
    }

    @Test
    @Order(1)
    void hostileUrlsAreRefusedThroughTheApi() {
        Map<String, String> refused = Map.of(
                "http://127.0.0.1/hook", "https://",
                "https://169.254.169.254/latest/meta-data/", "metadata",
                "https://0xa9fea9fe/", "metadata",
                "https://10.1/", "private network",
                "https://[::ffff:192.168.0.1]/", "private network",
                "https://[::1]/", "loopback",
                "https://[fd00:ec2::254]/", "unique local",
                "https://admin:pw@127.0.0.1/", "user name or password",
                "https://intranet/hook", "fully qualified");
        refused.forEach((url, why) -> {
            Reply reply = api.post("api/v1/endpoints", endpoint("hostile", url, null));
            assertEquals(400, reply.status(), url);
            assertTrue(reply.contentType().startsWith("application/problem+json"), url);
            assertTrue(reply.object().getString("detail").contains(why), url + " -> " + reply.object());
        });
        Reply allowed = api.post("api/v1/endpoints", endpoint("allow-listed loopback", "https://127.0.0.1:9/hook", null));
        assertEquals(201, allowed.status(), "127.0.0.0/8 is on the allow-list: " + allowed.json());
        api.delete("api/v1/endpoints/" + allowed.object().getString("id"));
    }

    @Test
    @Order(2)
    void hostileReceiversAreFailedAttemptsWhileAHealthyEndpointKeepsReceiving() {
        Map<Behaviour, String> expected = new EnumMap<>(Behaviour.class);
        expected.put(Behaviour.REDIRECT, "HTTP 302 redirect to https://169.254.169.254/latest/meta-data/ (redirects are not followed)");
        expected.put(Behaviour.ENDLESS_BODY, "HTTP 200 with a response body over 64 KiB: cut off");
        expected.put(Behaviour.SLOW_DRIP, "Timed out waiting for the response");
        expected.put(Behaviour.HANG, "Timed out waiting for the response");
        expected.put(Behaviour.HUGE_HEADERS, "The response headers exceeded 16 KiB");
        expected.put(Behaviour.HEALTHY, "TLS certificate of 127.0.0.1 refused");
        List<HostileReceiver> receivers = new ArrayList<>();
        Map<Behaviour, String> endpoints = new EnumMap<>(Behaviour.class);
        try {
            for (Behaviour behaviour : expected.keySet()) {
                HostileReceiver receiver = behaviour == Behaviour.HEALTHY ? HostileReceiver.startUntrusted() : HostileReceiver.start(behaviour);
                receivers.add(receiver);
                endpoints.put(behaviour, create(behaviour.name(), receiver.url("/hook"), null).getString("id"));
            }
            String healthyId = create("healthy", healthy.url("/healthy"), null).getString("id");
            for (int i = 0; i < 3; i++) {
                assertEquals(201, api.post("api/v1/crm/customers", "{\"name\": \"Customer " + i + "\"}").status());
            }
            assertEquals(3, healthy.await(3, r -> r.path().equals("/healthy"), WAIT).size(), "the healthy endpoint got every event");
            expected.forEach((behaviour, error) -> {
                JsonObject attempt = firstAttempt(endpoints.get(behaviour));
                assertFalse(attempt.getBoolean("succeeded"), behaviour.name());
                assertTrue(attempt.getString("error").startsWith(error), behaviour + " -> " + attempt);
            });
            assertEquals(0, receivers.get(receivers.size() - 1).requests(), "nothing was sent over the untrusted connection");
            Reply delivered = api.get("api/v1/deliveries?endpointId=" + healthyId);
            delivered.data().forEach(d -> assertEquals("SUCCEEDED", d.asJsonObject().getString("status")));
            endpoints.values().forEach(id -> api.post("api/v1/endpoints/" + id + "/disable", null));
            api.post("api/v1/endpoints/" + healthyId + "/disable", null);
        } finally {
            receivers.forEach(HostileReceiver::close);
        }
    }

    @Test
    @Order(3)
    void aKnownSecretIsFoundOnlySealedInItsColumn() throws Exception {
        JsonObject endpoint = create("sealed", healthy.url("/sealed"), SECRET);
        String id = endpoint.getString("id");
        assertEquals(SECRET, endpoint.getString("secret"), "shown once, in the answer that created it");
        answers.clear();
        assertEquals(201, record(api.post("api/v1/crm/customers", "{\"name\": \"Grace\"}")).status());
        Receiver.Received received = healthy.await(1, r -> r.path().equals("/sealed"), WAIT).get(0);
        assertTrue(ToolbagSignature.verify(SECRET, received.header("X-Toolbag-Signature"), received.body()), "signed with the secret");
        String deliveryId = Await.until(WAIT, () -> record(api.get("api/v1/deliveries?endpointId=" + id)),
                reply -> reply.data().size() == 1 && reply.data().getJsonObject(0).getString("status").equals("SUCCEEDED"))
                .data().getJsonObject(0).getString("id");
        record(api.get("api/v1/deliveries/" + deliveryId));
        record(api.get("api/v1/endpoints/" + id));
        record(api.get("api/v1/endpoints"));
        record(api.post("api/v1/endpoints/" + id + "/test", null));
        record(api.post("api/v1/endpoints/" + id + "/rotate-secret", null)); // the old secret becomes previous_secret
        record(api.post("api/v1/endpoints/" + id + "/test", null));
        record(api.get("api/v1/deliveries?endpointId=" + id));
        answers.forEach(answer -> assertFalse(answer.contains(SECRET), answer));
        server.close();

        String log = Files.readString(server.log(), StandardCharsets.UTF_8);
        assertTrue(log.contains(" ready in "), "the log is the server's");
        assertFalse(log.contains(SECRET), "the secret is not in the server's output");
        assertFalse(log.contains(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))));

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "sa")) {
            List<String> found = cellsContaining(db, SECRET);
            assertEquals(List.of(), found, "the secret in clear anywhere in the database");
            SecretCipher cipher = new SecretCipher(Base64.getDecoder().decode(MASTER_KEY));
            try (Statement query = db.createStatement();
                 ResultSet row = query.executeQuery("select secret, previous_secret from endpoint where id = '" + id + "'")) {
                assertTrue(row.next());
                assertTrue(SecretCipher.isEncrypted(row.getString(2)));
                assertEquals(SECRET, cipher.decrypt(row.getString(2)), "sealed in previous_secret after the rotation");
                assertTrue(SecretCipher.isEncrypted(row.getString(1)));
            }
            try (Statement query = db.createStatement(); ResultSet keys = query.executeQuery("select key_hash from api_key")) {
                while (keys.next()) {
                    assertTrue(keys.getString(1).startsWith("PBKDF2WithHmacSHA256:"), keys.getString(1));
                }
            }
        }
    }

    /** Every text cell of every table of the application's schema that contains {@code text}, as table.column. */
    private static List<String> cellsContaining(Connection db, String text) throws Exception {
        List<String> found = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery("select table_name, column_name"
                + " from information_schema.columns where table_schema = 'PUBLIC'"
                + " and data_type in ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'CHARACTER')")) {
            while (rows.next()) {
                columns.add(new String[]{rows.getString(1), rows.getString(2)});
            }
        }
        assertTrue(columns.size() > 20, "the schema's text columns were found: " + columns.size());
        for (String[] column : columns) {
            try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery("select count(*) from \""
                    + column[0] + "\" where \"" + column[1] + "\" like '%" + text + "%'")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    found.add(column[0] + "." + column[1]);
                }
            }
        }
        return found;
    }

    private static JsonObject firstAttempt(String endpointId) {
        String deliveryId = Await.until(WAIT, () -> api.get("api/v1/deliveries?endpointId=" + endpointId),
                reply -> reply.data().size() > 0 && reply.data().getJsonObject(0).getInt("attemptCount") > 0)
                .data().getJsonObject(0).getString("id");
        return api.get("api/v1/deliveries/" + deliveryId).object().getJsonArray("attempts").getJsonObject(0);
    }

    private static JsonObject create(String name, String url, String secret) {
        Reply created = api.post("api/v1/endpoints", endpoint(name, url, secret));
        assertEquals(201, created.status(), String.valueOf(created.json()));
        return created.object();
    }

    private static String endpoint(String name, String url, String secret) {
        var body = Json.createObjectBuilder().add("name", name).add("url", url).add("events", Json.createArrayBuilder().add("customer.created"));
        if (secret != null) {
            body.add("secret", secret);
        }
        return body.build().toString();
    }

    private static Reply record(Reply reply) {
        answers.add(String.valueOf(reply.json()));
        return reply;
    }
}
