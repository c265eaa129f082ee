package io.hookline.replay;

import io.hookline.testing.ApiClient;
import io.hookline.testing.ApiClient.Reply;
import io.hookline.testing.Await;
import io.hookline.testing.BlackBoxTest;
import io.hookline.testing.Deployments;
import io.hookline.testing.Receiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box: bulk replays over HTTP, against a real receiver. The test server sends replays at 4 deliveries per
 * second ({@code hookline.replay.rate-per-second} in the pom): at most the per-endpoint concurrency limit per timer
 * sweep, since a larger burst is cut by busy deferrals (see README, Benchmarks).
 */
class ReplayApiIT extends BlackBoxTest {

    private static final double RATE = 4;
    private static final Duration LONG_WAIT = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline(ReplayApiIT.class);
    }

    @Test
    void replayResendsExactlyTheMatchingEventsAndTheDryRunCountsThem() {
        String since = Instant.now().minusSeconds(1).toString();
        String endpointId = createEndpoint("/mix", "customer.created", "customer.updated").getString("id");
        receiver.respondWhen(r -> r.body().contains("Broken"), 500, Map.of());
        String customerId = api.post("api/v1/crm/customers", "{\"name\": \"Fine 1\"}").object().getString("id");
        for (String name : List.of("Fine 2", "Fine 3", "Broken 1", "Broken 2")) {
            api.post("api/v1/crm/customers", Json.createObjectBuilder().add("name", name).build().toString());
        }
        api.patch("api/v1/crm/customers/" + customerId, "{\"phone\": \"555\"}");
        // fanned out before the endpoint is disabled: an event fanned out after that would be missed, not delivered
        Await.until(LONG_WAIT, () -> deliveries("SUCCEEDED", endpointId), n -> n == 4);
        api.post("api/v1/endpoints/" + endpointId + "/disable", null);
        api.post("api/v1/crm/customers", "{\"name\": \"Missed while disabled\"}");
        api.post("api/v1/endpoints/" + endpointId + "/enable", null);
        Await.until(LONG_WAIT, () -> deliveries("FAILED", endpointId), n -> n == 2);
        assertEquals(4, deliveries("SUCCEEDED", endpointId));
        receiver.acceptEverything();
        String path = "api/v1/endpoints/" + endpointId + "/replays";

        assertEquals(2, dryRun(path, "{\"since\": \"%s\"}".formatted(since)), "default: FAILED");
        assertEquals(6, dryRun(path, "{\"since\": \"%s\", \"status\": \"all\"}".formatted(since)));
        assertEquals(3, dryRun(path, "{\"since\": \"%s\", \"includeMissed\": true}".formatted(since)));
        assertEquals(1, dryRun(path, "{\"since\": \"%s\", \"status\": \"SUCCEEDED\", \"eventTypes\": [\"customer.updated\"]}".formatted(since)));

        int before = receiver.received().size();
        Reply started = api.post(path, "{\"since\": \"%s\", \"includeMissed\": true}".formatted(since));
        assertEquals(202, started.status(), String.valueOf(started.json()));
        assertTrue(started.location().endsWith("/api/v1/replays/" + started.object().getString("id")), started.location());
        JsonObject done = awaitEnd(started.object().getString("id"));
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(3, done.getInt("total"));
        assertEquals(3, done.getInt("read"));
        assertEquals(3, done.getInt("resent"));
        assertEquals(0, done.getInt("skipped"));
        List<Receiver.Received> resent = receiver.await(before + 3, LONG_WAIT).subList(before, before + 3);
        assertEquals(Set.of("Broken 1", "Broken 2", "Missed while disabled"), resent.stream()
                .map(r -> body(r).getJsonObject("data").getString("name"))
                .collect(Collectors.toSet()));
        assertEquals(2, deliveries("FAILED", endpointId), "originals unchanged");
        assertEquals(0, dryRun(path, "{\"since\": \"%s\"}".formatted(since)), "their latest delivery succeeded now");
        assertTrue(api.get("api/v1/replays").data().stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> r.getString("id").equals(done.getString("id"))));
        assertEquals(409, api.post("api/v1/replays/" + done.getString("id") + "/stop", null).status());
    }

    @Test
    void badFiltersAreRefusedAndReplaysStayWithinTheirTenant() throws Exception {
        String endpointId = createEndpoint("/bad", "customer.created").getString("id");
        String path = "api/v1/endpoints/" + endpointId + "/replays";
        assertProblem(400, api.post(path, "{\"since\": \"2026-03-02T00:00:00Z\", \"until\": \"2026-03-01T00:00:00Z\"}"));
        assertProblem(400, api.post(path, "{\"since\": \"yesterday\"}"));
        assertProblem(400, api.post(path, "{\"status\": \"LOST\"}"));
        assertProblem(400, api.post(path, "{\"status\": \"PENDING\"}"));
        assertProblem(400, api.post(path, "{\"eventTypes\": [\"customer.exploded\"]}"));
        assertProblem(400, api.post(path, "{\"dryRun\": \"yes\"}"));
        assertProblem(400, api.post(path, null));
        assertProblem(404, api.post("api/v1/endpoints/" + UUID.randomUUID() + "/replays", "{}"));
        assertProblem(404, api.get("api/v1/replays/" + UUID.randomUUID()));
        String replayId = api.post(path, "{\"status\": \"ALL\"}").object().getString("id");

        String viewerKey = api.post("api/v1/api-keys", "{\"label\": \"replay viewer\", \"role\": \"VIEWER\"}").object().getString("key");
        ApiClient viewer = api.withKey(viewerKey);
        assertEquals(200, viewer.get("api/v1/replays/" + replayId).status());
        assertEquals(403, viewer.post(path, "{\"dryRun\": true}").status());
        assertEquals(403, viewer.post("api/v1/replays/" + replayId + "/stop", null).status());

        String other = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient otherAdmin = api.withKey(api.withKey("it-operator-key").post("api/v1/tenants",
                "{\"id\": \"%s\", \"name\": \"Other\"}".formatted(other)).object().getString("apiKey"));
        assertProblem(404, otherAdmin.post(path, "{\"dryRun\": true}"));
        assertProblem(404, otherAdmin.get("api/v1/replays/" + replayId));
        assertProblem(404, otherAdmin.post("api/v1/replays/" + replayId + "/stop", null));
        assertTrue(otherAdmin.get("api/v1/replays").data().isEmpty());
    }

    /**
     * 120 events at 4 per second: stopped after its first chunks, restarted, and every event arrives once more in
     * total. The restarted part runs for about 25 s, long enough that the recovery timer's one-second steps in
     * handing over due deliveries stay well inside the 20% tolerance on the rate.
     */
    @Test
    void stoppedReplayRestartsWhereItLeftOffSendsEachEventOnceAndHoldsTheRate() {
        int events = 120;
        String since = Instant.now().minusSeconds(1).toString();
        String endpointId = createEndpoint("/bulk", "deal.created").getString("id");
        for (int i = 0; i < events; i++) {
            api.post("api/v1/crm/deals", "{\"name\": \"Deal %d\"}".formatted(i));
        }
        receiver.await(events, LONG_WAIT);
        Await.until(LONG_WAIT, () -> dryRun("api/v1/endpoints/" + endpointId + "/replays",
                "{\"since\": \"%s\", \"status\": \"SUCCEEDED\"}".formatted(since)), n -> n == events);

        String replayId = api.post("api/v1/endpoints/" + endpointId + "/replays",
                "{\"since\": \"%s\", \"status\": \"SUCCEEDED\"}".formatted(since)).object().getString("id");
        Await.until(LONG_WAIT, () -> replay(replayId).getInt("resent"), n -> n > 0);
        assertEquals("STOPPING", api.post("api/v1/replays/" + replayId + "/stop", null).object().getString("status"));
        JsonObject stopped = awaitEnd(replayId);
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());
        int firstPart = stopped.getInt("resent");
        assertTrue(firstPart > 0 && firstPart < events, "stopped midway: " + stopped);
        receiver.await(events + firstPart, LONG_WAIT);

        Instant restartedAt = Instant.now();
        Reply restarted = api.post("api/v1/replays/" + replayId + "/restart", null);
        assertEquals(202, restarted.status(), String.valueOf(restarted.json()));
        JsonObject done = awaitEnd(replayId);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(events, done.getInt("resent"), done.toString());
        assertEquals(events, done.getInt("read"));
        assertEquals(0, done.getInt("skipped"), "the restart continued after the checkpoint");

        List<Receiver.Received> all = receiver.await(2 * events, LONG_WAIT);
        Await.pause(2500); // a duplicate would have arrived by now
        Map<String, Long> perEvent = receiver.received().stream()
                .collect(Collectors.groupingBy(r -> body(r).getString("id"), Collectors.counting()));
        assertEquals(events, perEvent.size());
        assertEquals(Set.of(2L), Set.copyOf(perEvent.values()), "each event: the original and one replayed delivery");
        assertEquals(2 * events, receiver.received().size());

        List<Instant> secondPart = all.stream().map(Receiver.Received::at).filter(restartedAt::isBefore).sorted().toList();
        assertEquals(events - firstPart, secondPart.size());
        double seconds = secondPart.get(0).until(secondPart.get(secondPart.size() - 1), ChronoUnit.MILLIS) / 1000.0;
        double rate = (secondPart.size() - 1) / seconds;
        System.out.printf("Replay throttle: %d deliveries in %.1f s, %.2f/s (configured %.0f/s)%n", secondPart.size(), seconds, rate, RATE);
        assertTrue(Math.abs(rate - RATE) <= 0.2 * RATE, "rate " + rate + "/s over " + seconds + " s");
    }

    private long dryRun(String path, String body) {
        Reply counted = api.post(path, body.replace("}", ", \"dryRun\": true}"));
        assertEquals(200, counted.status(), String.valueOf(counted.json()));
        return counted.object().getJsonNumber("count").longValue();
    }

    private int deliveries(String status, String endpointId) {
        return api.get("api/v1/deliveries?status=" + status + "&endpointId=" + endpointId).data().size();
    }

    private JsonObject replay(String id) {
        return api.get("api/v1/replays/" + id).object();
    }

    private JsonObject awaitEnd(String id) {
        return Await.until(LONG_WAIT, () -> replay(id), r -> Set.of("COMPLETED", "STOPPED", "FAILED").contains(r.getString("status")));
    }

    private static void assertProblem(int status, Reply reply) {
        assertEquals(status, reply.status(), String.valueOf(reply.json()));
        assertEquals("application/problem+json", reply.contentType());
    }

    private static JsonObject body(Receiver.Received request) {
        return Json.createReader(new StringReader(request.body())).readObject();
    }
}
