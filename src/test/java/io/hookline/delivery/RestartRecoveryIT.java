package io.hookline.delivery;

import io.hookline.testing.ApiClient;
import io.hookline.testing.ApiClient.Reply;
import io.hookline.testing.Await;
import io.hookline.testing.PayaraProcess;
import io.hookline.testing.Receiver;
import io.hookline.testing.ToolbagSignature;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server killed with work outstanding loses none of it: a committed, pending delivery is sent by the next server
 * that starts on the same database. Runs its own Payara Micro processes, so it can kill one.
 */
class RestartRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Long enough that the retry cannot happen before the kill, short enough to keep the test quick. */
    private static final List<String> SLOW_RETRY = List.of("-Dhookline.delivery.retry-delays=PT15S");

    @Test
    void pendingDeliveryIsSentAfterTheServerIsKilledAndRestarted() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.respond(500);
            String endpointId;
            String secret;
            Instant killedAt;
            try (PayaraProcess first = PayaraProcess.start("restart", SLOW_RETRY)) {
                ApiClient api = new ApiClient(first.base(), "it-admin-key");
                JsonObject endpoint = api.post("api/v1/endpoints", """
                        {"name": "restart", "url": "%s", "events": ["customer.created"]}""".formatted(receiver.url("/hook"))).object();
                endpointId = endpoint.getString("id");
                secret = endpoint.getString("secret");
                assertEquals(201, api.post("api/v1/crm/customers", "{\"name\": \"Survivor\"}").status());

                Reply pending = Await.until(WAIT, () -> api.get("api/v1/deliveries?endpointId=" + endpointId),
                        reply -> reply.data().size() == 1 && reply.data().getJsonObject(0).getInt("attemptCount") == 1);
                assertEquals("PENDING", pending.data().getJsonObject(0).getString("status"), "first attempt failed, retry scheduled");
                first.kill();
                killedAt = Instant.now();
            }
            assertEquals(1, receiver.received().size());

            try (PayaraProcess second = PayaraProcess.start("restart", SLOW_RETRY)) {
                ApiClient api = new ApiClient(second.base(), "it-admin-key");
                List<Receiver.Received> received = receiver.await(2, WAIT);
                assertEquals(2, received.size(), "the retry came from the restarted server");
                Receiver.Received retry = received.get(1);
                assertTrue(retry.at().isAfter(killedAt));
                assertTrue(ToolbagSignature.verify(secret, retry.header("X-Toolbag-Signature"), retry.body()));
                assertEquals(received.get(0).header("X-Toolbag-Delivery"), retry.header("X-Toolbag-Delivery"));

                Reply done = Await.until(WAIT, () -> api.get("api/v1/deliveries?endpointId=" + endpointId),
                        reply -> reply.data().getJsonObject(0).getString("status").equals("SUCCEEDED"));
                assertEquals("SUCCEEDED", done.data().getJsonObject(0).getString("status"));
                assertEquals(2, done.data().getJsonObject(0).getInt("attemptCount"));
                api.post("api/v1/endpoints/" + endpointId + "/disable", null);
            }
        }
    }
}
