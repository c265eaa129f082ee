package io.hookline.api;

import io.hookline.testing.ApiClient.Reply;
import io.hookline.testing.Await;
import io.hookline.testing.BlackBoxTest;
import io.hookline.testing.Deployments;
import io.hookline.testing.Receiver;
import io.hookline.testing.ToolbagSignature;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Black-box: the endpoint lifecycle and the delivery history of the management API, over HTTP. */
class ManagementApiIT extends BlackBoxTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline(ManagementApiIT.class);
    }

    @Test
    void endpointsArePagedNewestFirstEditedAndDeletedWithHistoryKept() {
        String first = createEndpoint("/one", "customer.created").getString("id");
        String second = createEndpoint("/two", "customer.created").getString("id");
        String third = createEndpoint("/three", "customer.created").getString("id");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get("api/v1/endpoints?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertTrue(page.data().size() <= 2);
            page.data().forEach(e -> seen.add(e.asJsonObject().getString("id")));
            cursor = page.object().isNull("nextCursor") ? null : page.object().getString("nextCursor");
        } while (cursor != null && !seen.contains(first));
        assertEquals(List.of(third, second, first), seen.stream().filter(List.of(first, second, third)::contains).toList());

        JsonObject renamed = api.patch("api/v1/endpoints/" + second, """
                {"name": "Renamed", "events": ["job.created", "job.completed"]}""").object();
        assertEquals("Renamed", renamed.getString("name"));
        assertEquals(List.of("job.completed", "job.created"), strings(renamed.getJsonArray("events")));
        assertEquals(400, api.patch("api/v1/endpoints/" + second, "{\"url\": \"http://example.com/hook\"}").status());
        assertEquals(400, api.patch("api/v1/endpoints/" + second, "{\"evnets\": [\"*\"]}").status(), "unknown fields are refused");
        assertEquals(400, api.patch("api/v1/endpoints/" + second, "{\"events\": []}").status());
        assertEquals("Renamed", api.get("api/v1/endpoints/" + second).object().getString("name"), "failed patches change nothing");

        api.post("api/v1/crm/customers", "{\"name\": \"Before Delete\"}");
        String deliveryId = awaitDeliveries(first, 1).getJsonObject(0).getString("id");
        assertEquals(204, api.delete("api/v1/endpoints/" + first).status());
        assertEquals(404, api.get("api/v1/endpoints/" + first).status());
        assertEquals(404, api.delete("api/v1/endpoints/" + first).status());
        assertEquals(200, api.get("api/v1/deliveries/" + deliveryId).status(), "history outlives the endpoint");
    }

    @Test
    void rotatedSecretSignsAlongsideTheOldOneDuringTheGracePeriod() throws Exception {
        JsonObject endpoint = createEndpoint("/rotate", "customer.created");
        String oldSecret = endpoint.getString("secret");

        Reply rotated = api.post("api/v1/endpoints/" + endpoint.getString("id") + "/rotate-secret", null);
        String newSecret = rotated.object().getString("secret");
        assertNotEquals(oldSecret, newSecret);
        assertTrue(!api.get("api/v1/endpoints/" + endpoint.getString("id")).object().containsKey("secret"));
        api.post("api/v1/crm/customers", "{\"name\": \"Rotation\"}");

        Receiver.Received request = receiver.await(1, WAIT).get(0);
        String signature = request.header("X-Toolbag-Signature");
        assertTrue(ToolbagSignature.verify(newSecret, signature, request.body()), signature);
        assertTrue(ToolbagSignature.verify(oldSecret, signature, request.body()), "receivers still on the old secret keep working");
    }

    @Test
    void resendMakesANewDeliveryOfTheSameEventAndLeavesTheOriginal() {
        String endpointId = createEndpoint("/resend", "customer.created").getString("id");
        api.post("api/v1/crm/customers", "{\"name\": \"Resent\"}");
        JsonObject original = awaitDeliveries(endpointId, 1).getJsonObject(0);

        Reply resent = api.post("api/v1/deliveries/" + original.getString("id") + "/resend", null);

        assertEquals(201, resent.status(), String.valueOf(resent.json()));
        assertNotEquals(original.getString("id"), resent.object().getString("id"));
        assertEquals(original.getString("eventId"), resent.object().getString("eventId"));
        List<Receiver.Received> received = receiver.await(2, WAIT);
        assertEquals(2, received.size());
        assertTrue(received.get(0).body().equals(received.get(1).body()), "same event, same body");
        assertNotEquals(received.get(0).header("X-Toolbag-Delivery"), received.get(1).header("X-Toolbag-Delivery"));
        JsonObject unchanged = api.get("api/v1/deliveries/" + original.getString("id")).object();
        assertEquals(1, unchanged.getInt("attemptCount"));
        assertEquals("Resent", unchanged.getJsonObject("event").getJsonObject("data").getString("name"));
        assertTrue(unchanged.getString("body").contains(original.getString("eventId")));

        api.post("api/v1/endpoints/" + endpointId + "/disable", null);
        Reply refused = api.post("api/v1/deliveries/" + original.getString("id") + "/resend", null);
        assertEquals(409, refused.status());
        assertTrue(refused.object().getString("detail").contains("enable it"));
    }

    @Test
    void deliveryHistoryFiltersSearchesAndPages() {
        String token = "find-" + UUID.randomUUID().toString().substring(0, 8);
        String endpointId = createEndpoint("/" + token, "customer.created", "customer.updated").getString("id");
        String customerId = api.post("api/v1/crm/customers", "{\"name\": \"Searchable\"}").object().getString("id");
        api.patch("api/v1/crm/customers/" + customerId, "{\"phone\": \"1\"}");
        api.patch("api/v1/crm/customers/" + customerId, "{\"phone\": \"2\"}");
        awaitDeliveries(endpointId, 3);

        assertEquals(3, api.get("api/v1/deliveries?search=" + token).data().size(), "search matches the URL");
        assertEquals(2, api.get("api/v1/deliveries?search=" + token.toUpperCase() + "&eventType=customer.updated").data().size());
        JsonArray byName = api.get("api/v1/deliveries?endpointId=" + endpointId + "&search=omer.crea").data();
        assertEquals(1, byName.size(), "search matches the event name");
        assertEquals(3, api.get("api/v1/deliveries?endpointId=" + endpointId + "&status=succeeded").data().size());
        assertEquals(0, api.get("api/v1/deliveries?endpointId=" + endpointId + "&status=FAILED").data().size());
        assertEquals(0, api.get("api/v1/deliveries?endpointId=" + endpointId + "&since=2999-01-01T00:00:00Z").data().size());
        assertEquals(3, api.get("api/v1/deliveries?endpointId=" + endpointId + "&until=2999-01-01T00:00:00Z").data().size());
        assertEquals(0, api.get("api/v1/deliveries?search=" + token + "%25_").data().size(), "wildcards are literal");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get("api/v1/deliveries?endpointId=" + endpointId + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            page.data().forEach(d -> paged.add(d.asJsonObject().getString("id")));
            cursor = page.object().isNull("nextCursor") ? null : page.object().getString("nextCursor");
        } while (cursor != null);
        assertEquals(3, paged.size());
        assertEquals(paged.stream().sorted(java.util.Comparator.reverseOrder()).toList(), paged, "newest first");

        assertEquals(400, api.get("api/v1/deliveries?status=LOST").status());
        assertEquals(400, api.get("api/v1/deliveries?since=yesterday").status());
        assertEquals(400, api.get("api/v1/deliveries?limit=0").status());
        assertEquals(400, api.get("api/v1/deliveries?limit=many").status());
    }

    @Test
    void sendTestDeliversASignedTestEventAndReportsTheAnswerWithoutRetries() throws Exception {
        JsonObject endpoint = createEndpoint("/test-send", "customer.created");
        String endpointId = endpoint.getString("id");

        JsonObject accepted = api.post("api/v1/endpoints/" + endpointId + "/test", null).object();
        assertTrue(accepted.getBoolean("delivered"), accepted.toString());
        assertEquals(200, accepted.getInt("statusCode"));
        Receiver.Received request = receiver.await(1, WAIT).get(0);
        assertEquals("webhook.test", request.header("X-Toolbag-Event"));
        assertTrue(ToolbagSignature.verify(endpoint.getString("secret"), request.header("X-Toolbag-Signature"), request.body()));
        assertEquals(accepted.getString("deliveryId"), request.header("X-Toolbag-Delivery"));

        receiver.respondByDefault(503);
        api.post("api/v1/endpoints/" + endpointId + "/disable", null);
        JsonObject refused = api.post("api/v1/endpoints/" + endpointId + "/test", null).object();
        assertEquals(false, refused.getBoolean("delivered"));
        assertEquals(503, refused.getInt("statusCode"));
        assertEquals("HTTP 503", refused.getString("error"));
        Await.pause(2500); // a retry would have come by now
        assertEquals(2, receiver.received().size(), "tests are sent to disabled endpoints too, and never retried");
        JsonObject failed = api.get("api/v1/deliveries/" + refused.getString("deliveryId")).object();
        assertEquals("FAILED", failed.getString("status"));
        assertEquals(1, failed.getInt("attemptCount"));
        JsonObject after = api.get("api/v1/endpoints/" + endpointId).object();
        assertEquals(0, after.getInt("consecutiveFailures"), "a test does not count against the endpoint");
        assertEquals(404, api.post("api/v1/endpoints/" + UUID.randomUUID() + "/test", null).status());
    }

    @Test
    void openApiDocumentDescribesTheApiButNotTheSampleCrm() {
        Reply document = api.get("/openapi?format=JSON");

        assertEquals(200, document.status());
        JsonObject paths = document.object().getJsonObject("paths");
        for (String path : List.of("/api/v1/endpoints", "/api/v1/endpoints/{id}", "/api/v1/endpoints/{id}/rotate-secret",
                "/api/v1/endpoints/{id}/test", "/api/v1/deliveries", "/api/v1/deliveries/{id}/resend", "/api/v1/events/{id}",
                "/api/v1/event-types", "/api/v1/api-keys", "/api/v1/tenant", "/api/v1/tenants", "/api/v1/users",
                "/api/v1/stats")) {
            assertTrue(paths.keySet().stream().anyMatch(p -> p.endsWith(path)), path + " in " + paths.keySet());
        }
        assertTrue(paths.keySet().stream().noneMatch(p -> p.contains("/crm/")), paths.keySet().toString());

        JsonObject jobUpdated = api.get("api/v1/event-types").array().stream().map(JsonValue::asJsonObject)
                .filter(type -> type.getString("name").equals("job.updated")).findFirst().orElseThrow();
        assertTrue(jobUpdated.getJsonObject("dataSchema").getJsonObject("properties").containsKey("insurance"));
    }

    @Test
    void eventsCanBeReadById() {
        String endpointId = createEndpoint("/events", "customer.created").getString("id");
        api.post("api/v1/crm/customers", "{\"name\": \"Eventful\"}");
        String eventId = awaitDeliveries(endpointId, 1).getJsonObject(0).getString("eventId");

        JsonObject event = api.get("api/v1/events/" + eventId).object();

        assertEquals("customer.created", event.getString("type"));
        assertEquals("demo", event.getString("tenantId"));
        assertEquals("Eventful", event.getJsonObject("data").getString("name"));
        assertEquals(404, api.get("api/v1/events/" + UUID.randomUUID()).status());
    }

    private JsonArray awaitDeliveries(String endpointId, int count) {
        Reply reply = Await.until(WAIT, () -> api.get("api/v1/deliveries?endpointId=" + endpointId),
                r -> r.data().size() >= count && r.data().stream()
                        .allMatch(d -> d.asJsonObject().getString("status").equals("SUCCEEDED")));
        assertEquals(count, reply.data().size(), String.valueOf(reply.json()));
        return reply.data();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonValue::toString).stream().map(s -> s.replace("\"", "")).toList();
    }
}
