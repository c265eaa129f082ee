package io.hookline.api;

import io.hookline.testing.ApiClient.Reply;
import io.hookline.testing.Await;
import io.hookline.testing.BlackBoxTest;
import io.hookline.testing.Deployments;
import io.hookline.testing.Receiver;
import io.hookline.testing.ToolbagSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box: the REST API and the sample CRM module of a running server, driven over HTTP from outside, with an
 * HTTPS receiver in the test JVM. The bootstrap tenant's key comes from the test configuration.
 */
class ApiIT extends BlackBoxTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline(ApiIT.class);
    }

    @Test
    void endpointSecretIsShownOnceAndCustomerChangesArriveSigned() throws Exception {
        Reply created = api.post("api/v1/endpoints", """
                {"name": "CRM sync", "url": "%s", "events": ["customer.created", "customer.updated"],
                 "description": "internal database"}""".formatted(receiver.url("/customers")));
        assertEquals(201, created.status());
        JsonObject endpoint = created.object();
        disableAfterTest(endpoint.getString("id"));
        String secret = endpoint.getString("secret");
        assertTrue(created.location().endsWith("/api/v1/endpoints/" + endpoint.getString("id")));
        assertEquals("ACTIVE", endpoint.getString("status"));
        assertFalse(api.get("api/v1/endpoints/" + endpoint.getString("id")).object().containsKey("secret"),
                "the secret is never shown again");

        Reply customer = api.post("api/v1/crm/customers", """
                {"name": "Ann Lee", "email": "ann@example.com", "phone": "555-1234"}""");
        assertEquals(201, customer.status());
        String customerId = customer.object().getString("id");
        api.patch("api/v1/crm/customers/" + customerId, """
                {"name": "Ann Lee", "phone": "555-9999"}""");
        api.patch("api/v1/crm/customers/" + customerId, """
                {"phone": "555-9999"}"""); // nothing moved: no event
        api.patch("api/v1/crm/customers/" + customerId, """
                {"email": "ann@lee.example"}""");

        List<Receiver.Received> received = receiver.await(3, WAIT);
        Await.pause(1000);
        assertEquals(3, receiver.received().size(), "created and two real updates: " + receiver);
        for (Receiver.Received request : received) {
            assertTrue(ToolbagSignature.verify(secret, request.header("X-Toolbag-Signature"), request.body()));
        }
        List<JsonObject> bodies = receiver.received().stream().map(r -> json(r.body())).toList();
        JsonObject createdEvent = bodies.stream().filter(b -> b.getString("type").equals("customer.created")).findFirst().orElseThrow();
        assertEquals("Ann Lee", createdEvent.getJsonObject("data").getString("name"));
        assertEquals("demo", createdEvent.getString("tenant_id"));
        JsonObject phoneChange = bodies.stream().filter(b -> b.containsKey("changes")
                && b.getJsonObject("changes").containsKey("phone")).findFirst().orElseThrow();
        assertEquals(1, phoneChange.getJsonObject("changes").size(), "only the phone moved: " + phoneChange);
        assertEquals("555-1234", phoneChange.getJsonObject("changes").getJsonObject("phone").getString("previous"));
        assertEquals("555-9999", phoneChange.getJsonObject("changes").getJsonObject("phone").getString("current"));

        Reply history = Await.until(WAIT, () -> api.get("api/v1/deliveries?endpointId=" + endpoint.getString("id")),
                reply -> reply.data().size() == 3 && reply.data().stream()
                        .allMatch(d -> d.asJsonObject().getString("status").equals("SUCCEEDED")));
        assertEquals(3, history.data().size(), history.json().toString());
        Reply detail = api.get("api/v1/deliveries/" + history.data().getJsonObject(0).getString("id"));
        JsonObject attempt = detail.object().getJsonArray("attempts").getJsonObject(0);
        assertEquals(200, attempt.getInt("statusCode"));
        assertEquals(detail.object().getString("id"), attempt.getJsonObject("requestHeaders").getString("X-Toolbag-Delivery"));
    }

    @Test
    void jobUpdatesFireOnlyWhenAWatchedFieldMoves() {
        subscribe("/jobs", "job.created", "job.updated", "job.completed");
        String jobId = api.post("api/v1/crm/jobs", """
                {"name": "Smith Residence - Fire Damage", "status": "inventory",
                 "customer": {"name": "John Smith", "phone": "555-1234"},
                 "insurance": {"claimNumber": "CLM-1", "company": "State Farm", "lossType": "fire"}}""").object().getString("id");

        assertEquals(200, api.patch("api/v1/crm/jobs/" + jobId, """
                {"status": "drying"}""").status()); // not a watched field
        api.patch("api/v1/crm/jobs/" + jobId, """
                {"insurance": {"claimNumber": "CLM-2", "company": "State Farm", "lossType": "fire"}}""");
        assertEquals(200, api.post("api/v1/crm/jobs/" + jobId + "/complete", null).status());
        Reply again = api.post("api/v1/crm/jobs/" + jobId + "/complete", null);

        receiver.await(3, WAIT);
        Await.pause(1000);
        assertEquals(List.of("job.created", "job.updated", "job.completed"),
                receiver.received().stream().map(r -> r.header("X-Toolbag-Event")).sorted(ApiIT::byLifecycle).toList());
        JsonObject update = receiver.received(r -> "job.updated".equals(r.header("X-Toolbag-Event"))).stream()
                .map(r -> json(r.body())).findFirst().orElseThrow();
        assertEquals(List.of("insurance"), List.copyOf(update.getJsonObject("changes").keySet()));
        assertEquals("CLM-1", update.getJsonObject("changes").getJsonObject("insurance").getJsonObject("previous").getString("claimNumber"));
        assertEquals(409, again.status(), "completing twice is a conflict");
        assertEquals("application/problem+json", again.contentType());
    }

    @Test
    void dealStageMoveFiresUpdatedAndStageChanged() {
        subscribe("/deals", "*");
        String dealId = api.post("api/v1/crm/deals", """
                {"name": "Acme Enterprise License", "amount": 25000, "stage": "Proposal", "pipeline": "Sales Pipeline"}""")
                .object().getString("id");
        api.patch("api/v1/crm/deals/" + dealId, """
                {"stage": "Negotiation"}""");

        receiver.await(3, WAIT);
        JsonObject stageChanged = receiver.received(r -> "deal.stage_changed".equals(r.header("X-Toolbag-Event"))).stream()
                .map(r -> json(r.body())).findFirst().orElseThrow(() -> new AssertionError(receiver.toString()));
        assertEquals("Negotiation", stageChanged.getJsonObject("data").getString("stage"));
        assertEquals("Proposal", stageChanged.getJsonObject("data").getString("previous_stage"));
        assertEquals(1, receiver.received(r -> "deal.updated".equals(r.header("X-Toolbag-Event"))).size());
    }

    @Test
    void customerImportCommitsAllOrNoneWithAnEventEach() {
        subscribe("/imports", "customer.created");
        Reply imported = api.post("api/v1/crm/customers/import", """
                [{"name": "Imported One"}, {"name": "Imported Two", "email": "two@example.com"}, {"name": "Imported Three"}]""");
        assertEquals(200, imported.status(), String.valueOf(imported.json()));
        assertEquals(3, imported.array().size());
        Reply refused = api.post("api/v1/crm/customers/import", """
                [{"name": "Never Stored"}, {"name": "Bad Email", "email": "not-an-email"}]""");
        assertProblem(400, refused);

        receiver.await(3, WAIT);
        Await.pause(1000);
        assertEquals(List.of("Imported One", "Imported Three", "Imported Two"), receiver.received().stream()
                .map(r -> json(r.body()).getJsonObject("data").getString("name")).sorted().toList());
        assertEquals(3, receiver.received().stream().map(r -> json(r.body()).getString("id")).distinct().count(),
                "one event per customer");
        assertFalse(api.get("api/v1/crm/customers").json().toString().contains("Never Stored"),
                "a refused import stores nobody");
    }

    @Test
    void anActorIdLongerThanTheOutboxKeepsIsRefusedAndStoresNothing() {
        subscribe("/actors", "customer.created");
        Reply refused = api.send("POST", "api/v1/crm/customers", """
                {"name": "Too Long An Actor"}""", Map.of("X-Actor-Id", "a".repeat(101)));
        assertProblem(400, refused);
        assertTrue(refused.object().getString("detail").contains("X-Actor-Id"), refused.object().toString());
        Reply accepted = api.send("POST", "api/v1/crm/customers", """
                {"name": "Longest Actor"}""", Map.of("X-Actor-Id", "a".repeat(100)));
        assertEquals(201, accepted.status(), String.valueOf(accepted.json()));

        String eventId = json(receiver.await(1, WAIT).get(0).body()).getString("id");
        assertEquals("a".repeat(100), api.get("api/v1/events/" + eventId).object().getString("actorId"));
        Await.pause(1000);
        assertEquals(1, receiver.received().size(), receiver.toString());
        assertFalse(api.get("api/v1/crm/customers").json().toString().contains("Too Long An Actor"),
                "the refused write stored no customer");
    }

    @Test
    void anEndpointCreatedWithoutANameIsNamedAfterItsHost() {
        Reply created = api.post("api/v1/endpoints", """
                {"url": "%s", "events": ["customer.created"]}""".formatted(receiver.url("/unnamed")));
        assertEquals(201, created.status(), String.valueOf(created.json()));
        disableAfterTest(created.object().getString("id"));
        assertEquals("127.0.0.1", created.object().getString("name"));
    }

    @Test
    void disabledEndpointGetsNothingUntilEnabled() {
        String endpointId = subscribe("/toggle", "customer.created");
        assertEquals("DISABLED", api.post("api/v1/endpoints/" + endpointId + "/disable", null).object().getString("status"));
        api.post("api/v1/crm/customers", """
                {"name": "While Disabled"}""");
        assertEquals("ACTIVE", api.post("api/v1/endpoints/" + endpointId + "/enable", null).object().getString("status"));
        api.post("api/v1/crm/customers", """
                {"name": "After Enabling"}""");

        receiver.await(1, WAIT);
        Await.pause(1000);
        assertEquals(1, receiver.received().size(), receiver.toString());
        assertTrue(receiver.received().get(0).body().contains("After Enabling"));
    }

    /** A malformed request, and the status it must get: always a problem body, never a 500 or a stack trace. */
    private record Bad(String method, String path, String body, int status) {
    }

    @Test
    void malformedRequestsGetAProblemNeverAStackTrace() {
        String endpointId = subscribe("/valid", "customer.created");
        String endpoint = "api/v1/endpoints/" + endpointId;
        String url = receiver.url("/x");
        List<Bad> table = List.of(
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"broken", 400),
                new Bad("POST", "api/v1/endpoints", "[1, 2]", 400),
                new Bad("POST", "api/v1/endpoints", "\"just a string\"", 400),
                new Bad("POST", "api/v1/endpoints", "", 400),
                new Bad("POST", "api/v1/endpoints", null, 400),
                new Bad("POST", "api/v1/endpoints", "{}", 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"no url\", \"events\": [\"*\"]}", 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \" \", \"url\": \"%s\", \"events\": [\"*\"]}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"%s\"}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"%s\", \"events\": []}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"%s\", \"events\": \"*\"}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"%s\", \"events\": [1]}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": 42, \"url\": \"%s\", \"events\": [\"*\"]}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"%s\", \"events\": [\"*\"], \"enabled\": \"yes\"}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"%s\", \"events\": [\"*\"], \"colour\": \"red\"}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"%s\", \"url\": \"%s\", \"events\": [\"*\"]}".formatted("n".repeat(201), url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"https://h.example/%s\", \"events\": [\"*\"]}".formatted("p".repeat(2050)), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"http://127.0.0.1/hook\", \"events\": [\"*\"]}", 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"ftp://127.0.0.1/hook\", \"events\": [\"*\"]}", 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"not a url\", \"events\": [\"*\"]}", 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"https://user:pw@127.0.0.1/\", \"events\": [\"*\"]}", 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"%s\", \"events\": [\"customer.creatd\"]}".formatted(url), 400),
                new Bad("POST", "api/v1/endpoints", "{\"name\": \"x\", \"url\": \"%s\", \"events\": [\"*\"], \"secret\": \"short\"}".formatted(url), 400),
                new Bad("PATCH", endpoint, "{\"url\": \"http://example.com/hook\"}", 400),
                new Bad("PATCH", endpoint, "{\"evnets\": [\"*\"]}", 400),
                new Bad("PATCH", endpoint, "{\"events\": []}", 400),
                new Bad("PATCH", endpoint, "{\"name\": \"   \"}", 400),
                new Bad("PATCH", endpoint, "{\"events\": [\"nope.nope\"]}", 400),
                new Bad("PATCH", endpoint, "not json", 400),
                new Bad("PATCH", "api/v1/endpoints/does-not-exist", "{\"name\": \"x\"}", 404),
                new Bad("GET", "api/v1/endpoints/does-not-exist", null, 404),
                new Bad("DELETE", "api/v1/endpoints/does-not-exist", null, 404),
                new Bad("POST", "api/v1/endpoints/does-not-exist/enable", null, 404),
                new Bad("POST", "api/v1/endpoints/does-not-exist/rotate-secret", null, 404),
                new Bad("GET", "api/v1/endpoints?limit=0", null, 400),
                new Bad("GET", "api/v1/endpoints?limit=1000", null, 400),
                new Bad("GET", "api/v1/endpoints?limit=ten", null, 400),
                new Bad("GET", "api/v1/deliveries/does-not-exist", null, 404),
                new Bad("POST", "api/v1/deliveries/does-not-exist/resend", null, 404),
                new Bad("GET", "api/v1/deliveries?status=LOST", null, 400),
                new Bad("GET", "api/v1/deliveries?since=yesterday", null, 400),
                new Bad("GET", "api/v1/deliveries?until=2026-13-45T00:00:00Z", null, 400),
                new Bad("GET", "api/v1/deliveries?limit=-1", null, 400),
                new Bad("GET", "api/v1/deliveries?search=" + "s".repeat(201), null, 400),
                new Bad("GET", "api/v1/events/does-not-exist", null, 404),
                new Bad("GET", "api/v1/crm/customers/nobody", null, 404),
                new Bad("POST", "api/v1/crm/customers", "{\"email\": \"not-an-email\"}", 400),
                new Bad("POST", "api/v1/crm/customers", "{\"name\": \"\"}", 400),
                new Bad("POST", "api/v1/crm/customers/import", "[]", 400),
                new Bad("POST", "api/v1/crm/customers/import", "[null]", 400),
                new Bad("POST", "api/v1/crm/customers/import", "{\"name\": \"not a list\"}", 400),
                new Bad("POST", "api/v1/crm/customers/import", "[" + "{\"name\": \"n\"},".repeat(100) + "{\"name\": \"n\"}]", 400),
                new Bad("POST", "api/v1/crm/jobs", "{\"name\": \"x\", \"status\": \"completed\"}", 400),
                new Bad("POST", "api/v1/crm/deals", "{\"name\": \"x\", \"amount\": -5}", 400),
                new Bad("POST", "api/v1/crm/deals", "{\"name\": \"x\", \"amount\": \"lots\"}", 400));

        List<String> wrong = new ArrayList<>();
        for (Bad bad : table) {
            Reply reply = api.send(bad.method(), bad.path(), bad.body());
            boolean problem = reply.contentType().startsWith("application/problem+json") && reply.json() != null
                    && reply.object().getInt("status") == bad.status() && !reply.object().getString("detail").isBlank();
            if (reply.status() != bad.status() || !problem) {
                wrong.add(bad + " -> " + reply.status() + " " + reply.json());
            }
        }
        assertTrue(table.size() >= 40);
        assertEquals(List.of(), wrong, "every malformed request gets its 4xx problem");
        assertEquals("test /valid", api.get(endpoint).object().getString("name"), "no bad request changed anything");
        assertProblem(401, api.withKey(null).get("api/v1/endpoints"));
        assertProblem(401, api.withKey("hk_not-a-key").get("api/v1/endpoints"));
    }

    private String subscribe(String path, String... events) {
        return createEndpoint(path, events).getString("id");
    }

    private static void assertProblem(int status, Reply reply) {
        assertEquals(status, reply.status(), String.valueOf(reply.json()));
        assertEquals("application/problem+json", reply.contentType());
        assertNotNull(reply.object().getString("detail"));
        assertEquals(status, reply.object().getInt("status"));
    }

    private static int byLifecycle(String a, String b) {
        List<String> order = List.of("job.created", "job.updated", "job.completed");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
