package io.hookline.format;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.hookline.format.entity.WireFormat;
import io.hookline.testing.ApiClient.Reply;
import io.hookline.testing.BlackBoxTest;
import io.hookline.testing.Deployments;
import io.hookline.testing.Receiver.Received;
import io.hookline.testing.SeedVerifiers;
import io.hookline.testing.ToolbagSignature;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box: each wire format end to end, from a change in the sample CRM to a real HTTPS receiver that checks the
 * request with the recipe its seed documents: seed 000's {@code t.body} scheme, seed 002's Python, seed 003's and
 * seed 004's Node snippets as written, and the Standard Webhooks reference library.
 */
class WireFormatsIT extends BlackBoxTest {

    private static final String WRONG_SECRET = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String[] JOB_EVENTS = {"job.created", "job.updated", "job.deleted"};
    private static final String[] CUSTOMER_EVENTS = {"customer.created", "customer.updated", "customer.deleted"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline(WireFormatsIT.class);
    }

    @Test
    void customermatesRequestsVerifyWithSeed004AndUnsignedEndpointsCarryNoSignature() {
        String secret = endpoint("/cm", "customermates", null, JOB_EVENTS).getString("secret");
        JsonObject unsigned = endpoint("/cm-unsigned", "customermates", false, JOB_EVENTS);
        assertFalse(unsigned.getBoolean("signed"));
        assertFalse(unsigned.containsKey("secret"), "an unsigned endpoint has no secret to show");

        String jobId = jobLifecycle();

        Map<String, Received> requests = byEvent(receiver.await(3, at("/cm"), WAIT));
        assertEquals(List.of(JOB_EVENTS), requests.keySet().stream().sorted(this::jobOrder).toList());
        for (Received request : requests.values()) {
            assertSentByHookline(request, "timestamp");
            assertTrue(SeedVerifiers.customermates(secret, request.header("X-Webhook-Signature"), request.body()), request.body());
        }
        Received updated = requests.get("job.updated");
        assertFalse(SeedVerifiers.customermates(WRONG_SECRET, updated.header("X-Webhook-Signature"), updated.body()));
        JsonObject data = json(updated.body()).getJsonObject("data");
        assertEquals("demo", data.getString("companyId"));
        assertEquals(jobId, data.getString("entityId"));
        JsonObject customer = data.getJsonObject("payload").getJsonObject("changes").getJsonObject("customer");
        assertEquals("J Smith", customer.getJsonObject("previous").getString("name"));
        assertEquals("John Smith", customer.getJsonObject("current").getString("name"));
        assertEquals("John Smith", data.getJsonObject("payload").getJsonObject("job").getJsonObject("customer").getString("name"));
        assertFalse(json(requests.get("job.created").body()).getJsonObject("data").getJsonObject("payload").containsKey("changes"));

        List<Received> plain = receiver.await(3, at("/cm-unsigned"), WAIT);
        assertEquals(3, plain.size());
        plain.forEach(request -> assertNull(request.header("X-Webhook-Signature"), request.headers().toString()));
    }

    @Test
    void tonicDeskRequestsVerifyWithSeed002AndCarryTheSameEventIdOnResend() {
        JsonObject endpoint = endpoint("/tonic", "tonic-desk", null, "deal.created", "deal.updated", "deal.stage_changed", "deal.deleted");
        String secret = endpoint.getString("secret");
        String dealId = api.post("api/v1/crm/deals", "{\"name\": \"Acme Enterprise License\", \"amount\": 25000,"
                + " \"stage\": \"Proposal\", \"pipeline\": \"Sales Pipeline\"}").object().getString("id");
        api.patch("api/v1/crm/deals/" + dealId, "{\"stage\": \"Negotiation\"}");
        api.delete("api/v1/crm/deals/" + dealId);

        Map<String, Received> requests = byEvent(receiver.await(4, WAIT));
        assertEquals(4, requests.size(), requests.keySet().toString());
        for (Received request : requests.values()) {
            assertSentByHookline(request, "timestamp");
            assertTrue(SeedVerifiers.tonicDesk(secret, request.header("X-Webhook-Signature"), request.body()), request.body());
        }
        assertEquals(4, requests.values().stream().map(r -> r.header("X-Webhook-Id")).distinct().count(), "one id per event");
        Received stageChanged = requests.get("deal.stage_changed");
        assertFalse(SeedVerifiers.tonicDesk(WRONG_SECRET, stageChanged.header("X-Webhook-Signature"), stageChanged.body()));
        JsonObject data = json(stageChanged.body()).getJsonObject("data");
        assertEquals("Negotiation", data.getString("stage"));
        assertEquals("Proposal", data.getString("previous_stage"));
        assertEquals(25000, data.getJsonNumber("amount").intValue());

        Received created = requests.get("deal.created");
        String deliveryId = api.get("api/v1/deliveries?endpointId=" + endpoint.getString("id") + "&eventType=deal.created")
                .data().getJsonObject(0).getString("id");
        assertEquals(201, api.post("api/v1/deliveries/" + deliveryId + "/resend", null).status());
        Received resent = receiver.await(5, WAIT).get(4);
        assertEquals(created.header("X-Webhook-Id"), resent.header("X-Webhook-Id"), "receivers deduplicate on it");
        assertEquals(created.body(), resent.body());
    }

    @Test
    void jobSyncRequestsVerifyWithSeed003AndRotationSwitchesToTheNewSecret() {
        JsonObject endpoint = endpoint("/job-sync", "job-sync", null, JOB_EVENTS);
        String oldSecret = endpoint.getString("secret");

        jobLifecycle();

        Map<String, Received> requests = byEvent(receiver.await(3, WAIT));
        for (Received request : requests.values()) {
            assertSentByHookline(request, "timestamp");
            assertEquals(json(request.body()).getString("event"), request.header("X-Webhook-Event"));
            assertTrue(SeedVerifiers.jobSync(oldSecret, request.header("X-Webhook-Signature"), request.body()), request.body());
        }
        Received jobUpdated = requests.get("job.updated");
        assertFalse(SeedVerifiers.jobSync(WRONG_SECRET, jobUpdated.header("X-Webhook-Signature"), jobUpdated.body()));
        JsonObject updated = json(jobUpdated.body());
        assertEquals("demo", updated.getString("organizationId"));
        assertEquals("John Smith", updated.getJsonObject("job").getJsonObject("customer").getString("name"));
        JsonObject change = updated.getJsonArray("changes").getJsonObject(0);
        assertEquals("settings.customer", change.getString("field"), "seed 003's name for the watched field");
        assertEquals("J Smith", change.getJsonObject("oldValue").getString("name"));
        assertEquals("555-1234", change.getJsonObject("newValue").getString("phone"));
        assertFalse(json(requests.get("job.created").body()).containsKey("changes"));

        String newSecret = api.post("api/v1/endpoints/" + endpoint.getString("id") + "/rotate-secret", null).object().getString("secret");
        api.post("api/v1/crm/jobs", "{\"name\": \"After rotation\"}");
        Received after = receiver.await(4, WAIT).get(3);
        assertTrue(SeedVerifiers.jobSync(newSecret, after.header("X-Webhook-Signature"), after.body()));
        assertFalse(SeedVerifiers.jobSync(oldSecret, after.header("X-Webhook-Signature"), after.body()),
                "one signature only: receivers switch to the new secret when it is rotated");
    }

    @Test
    void toolbagAndStandardWebhooksSignWithOldAndNewSecretDuringRotation() throws Exception {
        JsonObject toolbag = endpoint("/toolbag", null, null, CUSTOMER_EVENTS);
        JsonObject standard = endpoint("/standard", "standard-webhooks", null, CUSTOMER_EVENTS);
        assertEquals("toolbag", toolbag.getString("format"), "the default");
        String customerId = api.post("api/v1/crm/customers", "{\"name\": \"Ann Lee\", \"phone\": \"555-1234\"}").object().getString("id");
        receiver.await(2, WAIT);
        String toolbagNew = rotate(toolbag);
        String standardNew = rotate(standard);
        api.patch("api/v1/crm/customers/" + customerId, "{\"phone\": \"555-9999\"}");
        api.delete("api/v1/crm/customers/" + customerId);

        Map<String, Received> toolbagRequests = byEvent(receiver.await(3, at("/toolbag"), WAIT));
        Map<String, Received> standardRequests = byEvent(receiver.await(3, at("/standard"), WAIT));
        assertEquals(3, toolbagRequests.size());
        assertEquals(3, standardRequests.size());
        for (String event : CUSTOMER_EVENTS) {
            Received viaToolbag = toolbagRequests.get(event);
            assertSentByHookline(viaToolbag, "created_at");
            String signature = viaToolbag.header("X-Toolbag-Signature");
            assertTrue(ToolbagSignature.verify(toolbag.getString("secret"), signature, viaToolbag.body()), event);
            assertEquals(!event.endsWith("created"), ToolbagSignature.verify(toolbagNew, signature, viaToolbag.body()), event);
            assertFalse(ToolbagSignature.verify(WRONG_SECRET, signature, viaToolbag.body()));

            Received viaStandard = standardRequests.get(event);
            assertSentByHookline(viaStandard, "timestamp");
            assertEquals(json(viaStandard.body()).getString("type"), event);
            new Webhook(standard.getString("secret")).verify(viaStandard.body(), headers(viaStandard));
            if (!event.endsWith("created")) {
                new Webhook(standardNew).verify(viaStandard.body(), headers(viaStandard));
            }
            assertThrows(WebhookVerificationException.class, () -> new Webhook(WRONG_SECRET).verify(viaStandard.body(), headers(viaStandard)));
        }
        JsonObject updated = json(standardRequests.get("customer.updated").body());
        assertEquals("555-9999", updated.getJsonObject("data").getString("phone"));
        assertEquals("555-1234", updated.getJsonObject("changes").getJsonObject("phone").getString("previous"));
        assertEquals(json(toolbagRequests.get("customer.updated").body()).getString("id"),
                standardRequests.get("customer.updated").header("webhook-id"), "the event id, in every format");
    }

    @Test
    void formatAndSigningAreChosenAtCreateAndUpdateAndChecked() {
        Reply unknown = create(request("/x", "zapier", null, null));
        assertEquals(400, unknown.status());
        String detail = unknown.object().getString("detail");
        Arrays.stream(WireFormat.values()).forEach(format -> assertTrue(detail.contains(format.id()), detail));
        assertEquals(400, create(request("/x", "toolbag", false, null)).status(), "toolbag always signs");
        assertEquals(400, create(request("/x", "standard-webhooks", false, null)).status(), "so does standard-webhooks");
        assertEquals(400, create(request("/x", "customermates", false, "a-secret-but-unsigned")).status());
        assertEquals(400, create(request("/x", "standard-webhooks", null, "use-a-random-string-from-a-password-manager")).status());
        Reply whsec = create(request("/sw", "standard-webhooks", null, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertEquals(201, whsec.status(), String.valueOf(whsec.json()));
        assertEquals("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", whsec.object().getString("secret"));

        Reply plainSecret = create(request("/plain", null, null, "use-a-random-string-from-a-password-manager"));
        String path = "api/v1/endpoints/" + plainSecret.object().getString("id");
        assertEquals(409, api.patch(path, "{\"format\": \"standard-webhooks\"}").status(), "its secret is no whsec_ secret");
        JsonObject switched = api.patch(path, "{\"format\": \"customermates\", \"signed\": false}").object();
        assertEquals("customermates", switched.getString("format"));
        assertFalse(switched.getBoolean("signed"));
        assertEquals("customermates", api.get(path).object().getString("format"));
        assertEquals(409, api.post(path + "/rotate-secret", null).status(), "nothing to rotate");
        assertEquals(400, api.patch(path, "{\"format\": \"toolbag\"}").status(), "toolbag cannot go unsigned");
        JsonObject signing = api.patch(path, "{\"signed\": true}").object();
        assertTrue(signing.getString("secret").startsWith("whsec_"), "switching signing on issues a secret, shown once");
        assertFalse(api.patch(path, "{\"signed\": true}").object().containsKey("secret"));

        JsonObject schema = api.get("/openapi?format=JSON").object().getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("EndpointRequest").getJsonObject("properties").getJsonObject("format");
        assertEquals(WireFormat.ids(), schema.getJsonArray("enum").getValuesAs(JsonString::getString).stream()
                .collect(Collectors.joining(", ")), "the OpenAPI document lists the formats: " + schema);
    }

    /** A job created, its customer changed (a watched field), then deleted; answers the job's id. */
    private String jobLifecycle() {
        String jobId = api.post("api/v1/crm/jobs", "{\"name\": \"Smith Residence - Fire Damage\", \"status\": \"inventory\","
                + " \"customer\": {\"name\": \"J Smith\"}}").object().getString("id");
        api.patch("api/v1/crm/jobs/" + jobId, "{\"customer\": {\"name\": \"John Smith\", \"phone\": \"555-1234\"}}");
        api.delete("api/v1/crm/jobs/" + jobId);
        return jobId;
    }

    private JsonObject endpoint(String path, String format, Boolean signed, String... events) {
        Reply created = create(request(path, format, signed, null, events));
        assertEquals(201, created.status(), String.valueOf(created.json()));
        assertEquals(format == null ? "toolbag" : format, created.object().getString("format"));
        return created.object();
    }

    private Reply create(String body) {
        Reply created = api.post("api/v1/endpoints", body);
        if (created.status() == 201) {
            disableAfterTest(created.object().getString("id"));
        }
        return created;
    }

    private String request(String path, String format, Boolean signed, String secret, String... events) {
        JsonArrayBuilder types = Json.createArrayBuilder();
        Arrays.stream(events.length == 0 ? CUSTOMER_EVENTS : events).forEach(types::add);
        JsonObjectBuilder request = Json.createObjectBuilder().add("name", "formats " + path).add("url", receiver.url(path))
                .add("events", types);
        if (format != null) {
            request.add("format", format);
        }
        if (signed != null) {
            request.add("signed", signed);
        }
        if (secret != null) {
            request.add("secret", secret);
        }
        return request.build().toString();
    }

    private String rotate(JsonObject endpoint) {
        return api.post("api/v1/endpoints/" + endpoint.getString("id") + "/rotate-secret", null).object().getString("secret");
    }

    private static void assertSentByHookline(Received request, String timestampField) {
        assertEquals("application/json", request.header("Content-Type"));
        assertTrue(request.header("User-Agent").matches("Hookline/\\d+\\.\\d+\\.\\d+.*"), request.header("User-Agent"));
        String timestamp = json(request.body()).getString(timestampField);
        assertTrue(timestamp.endsWith("Z"), "UTC: " + timestamp);
        Instant.parse(timestamp);
    }

    /** The requests by event name, whichever field of the body names it. */
    private static Map<String, Received> byEvent(List<Received> requests) {
        return requests.stream().collect(Collectors.toMap(request -> {
            JsonObject body = json(request.body());
            return body.containsKey("event") ? body.getString("event") : body.getString("type");
        }, request -> request));
    }

    private static Map<String, List<String>> headers(Received request) {
        return request.headers().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    private int jobOrder(String one, String other) {
        return Integer.compare(List.of(JOB_EVENTS).indexOf(one), List.of(JOB_EVENTS).indexOf(other));
    }

    private static Predicate<Received> at(String path) {
        return request -> request.path().equals(path);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
