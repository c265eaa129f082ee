package io.hookline.replay;

import io.hookline.testing.ApiClient;
import io.hookline.testing.Await;
import io.hookline.testing.PayaraProcess;
import io.hookline.testing.Receiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server killed in the middle of a replay: the next server on the same database takes the replay over once its
 * lease has expired and finishes it, and every event gets exactly one replayed delivery. (A request in flight at the
 * kill may reach the receiver twice under the same delivery id, as any delivery can; that is a retry, not a
 * second delivery.) Runs its own Payara Micro processes, so it can kill one.
 */
class ReplayCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int EVENTS = 60;
    /** 12 s of replay, and a dead execution noticed 5 s after its last sign of life. */
    private static final List<String> SLOW_REPLAY = List.of("-Dhookline.replay.rate-per-second=5", "-Dhookline.replay.lease=PT5S");

    @Test
    void replayInterruptedByACrashIsFinishedByTheNextServerWithOneDeliveryPerEvent() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            String endpointId;
            String replayId;
            try (PayaraProcess first = PayaraProcess.start("replay-crash", SLOW_REPLAY)) {
                ApiClient api = new ApiClient(first.base(), "it-admin-key");
                String since = Instant.now().minusSeconds(1).toString();
                endpointId = api.post("api/v1/endpoints", """
                        {"name": "replay crash", "url": "%s", "events": ["deal.created"]}""".formatted(receiver.url("/crash")))
                        .object().getString("id");
                for (int i = 0; i < EVENTS; i++) {
                    api.post("api/v1/crm/deals", "{\"name\": \"Crash %d\"}".formatted(i));
                }
                receiver.await(EVENTS, WAIT);
                Await.until(WAIT, () -> api.get("api/v1/deliveries?status=SUCCEEDED&limit=100&endpointId=" + endpointId).data().size(),
                        n -> n == EVENTS);
                replayId = api.post("api/v1/endpoints/" + endpointId + "/replays",
                        "{\"since\": \"%s\", \"status\": \"SUCCEEDED\"}".formatted(since)).object().getString("id");
                JsonObject running = Await.until(WAIT, () -> api.get("api/v1/replays/" + replayId).object(),
                        r -> r.getInt("resent") >= 10);
                first.kill();
                assertTrue(running.getInt("resent") < EVENTS, "killed midway: " + running);
            }

            try (PayaraProcess second = PayaraProcess.start("replay-crash", SLOW_REPLAY)) {
                ApiClient api = new ApiClient(second.base(), "it-admin-key");
                JsonObject done = Await.until(WAIT, () -> api.get("api/v1/replays/" + replayId).object(),
                        r -> !Set.of("RUNNING", "STOPPING").contains(r.getString("status")));
                assertEquals("COMPLETED", done.getString("status"), done.toString());
                assertEquals(EVENTS, done.getInt("resent"), done.toString());

                receiver.await(2 * EVENTS, WAIT);
                Await.until(WAIT, () -> api.get("api/v1/deliveries?status=SUCCEEDED&limit=500&endpointId=" + endpointId).data().size(),
                        n -> n == 2 * EVENTS);
                Map<String, Set<String>> deliveriesPerEvent = receiver.received().stream().collect(Collectors.groupingBy(
                        r -> Json.createReader(new StringReader(r.body())).readObject().getString("id"),
                        Collectors.mapping(r -> r.header("X-Toolbag-Delivery"), Collectors.toSet())));
                assertEquals(EVENTS, deliveriesPerEvent.size());
                assertEquals(Set.of(2), deliveriesPerEvent.values().stream().map(Set::size).collect(Collectors.toSet()),
                        "the original and exactly one replayed delivery per event");
                api.post("api/v1/endpoints/" + endpointId + "/disable", null);
            }
        }
    }
}
