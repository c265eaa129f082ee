package io.hookline.tenant;

import io.hookline.testing.ApiClient;
import io.hookline.testing.ApiClient.Reply;
import io.hookline.testing.Await;
import io.hookline.testing.Deployments;
import io.hookline.testing.Receiver;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box: tenants opened through the operator API, their keys and roles, the Developer Platform feature switch,
 * and isolation between tenants. Tenant ids are fresh per run, as the test database outlives it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantAccessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline(TenantAccessIT.class);
    }

    @ArquillianResource
    URL base;

    private ApiClient operator;
    private String tenantA;
    private String tenantB;
    private ApiClient adminA;
    private ApiClient adminB;

    @BeforeEach
    void openTwoTenants() throws Exception {
        operator = new ApiClient(base.toURI(), "it-operator-key");
        tenantA = uniqueId("a");
        tenantB = uniqueId("b");
        adminA = operator.withKey(open(tenantA, """
                {"id": "%s", "name": "Acme Restoration", "liveDelivery": false}""".formatted(tenantA)));
        adminB = operator.withKey(open(tenantB, """
                {"id": "%s", "name": "Bravo Cleaning"}""".formatted(tenantB)));
    }

    @Test
    void operatorOpensTenantsAndTheirAdminsSeeTheirAccount() {
        JsonObject a = adminA.get("api/v1/tenant").object();
        assertEquals(tenantA, a.getString("id"));
        assertEquals("Acme Restoration", a.getString("name"));
        assertTrue(a.getBoolean("developerPlatform"));
        assertFalse(a.getBoolean("liveDelivery"), "preview-only, as opened");
        assertFalse(a.containsKey("apiKey"), "the key is shown only when the account is opened");
        assertTrue(adminB.get("api/v1/tenant").object().getBoolean("liveDelivery"), "live by default");

        Reply changed = operator.patch("api/v1/tenants/" + tenantA, """
                {"name": "Acme Restoration LLC", "liveDelivery": true}""");
        assertEquals(200, changed.status(), String.valueOf(changed.json()));
        JsonObject seen = operator.get("api/v1/tenants/" + tenantA).object();
        assertEquals("Acme Restoration LLC", seen.getString("name"));
        assertTrue(seen.getBoolean("liveDelivery"));
        assertTrue(seen.getBoolean("developerPlatform"), "untouched");
        assertEquals(200, adminA.get("api/v1/endpoints").status());
    }

    @Test
    void viewerKeyReadsButCannotChangeAnything() {
        Reply issued = adminA.post("api/v1/api-keys", """
                {"label": "dashboard", "role": "VIEWER"}""");
        assertEquals(201, issued.status(), String.valueOf(issued.json()));
        String key = issued.object().getString("key");
        assertTrue(key.startsWith("hk_"));
        assertEquals(key.substring(0, 9), issued.object().getString("prefix"));
        assertEquals("VIEWER", issued.object().getString("role"));
        assertTrue(issued.location().endsWith("/api/v1/api-keys/" + issued.object().getString("id")));
        ApiClient viewer = adminA.withKey(key);

        assertEquals(200, viewer.get("api/v1/endpoints").status());
        assertEquals(200, viewer.get("api/v1/api-keys").status());
        assertEquals(tenantA, viewer.get("api/v1/tenant").object().getString("id"));
        Reply write = viewer.post("api/v1/endpoints", """
                {"name": "nope", "url": "https://127.0.0.1:9/hook", "events": ["*"]}""");
        assertProblem(403, write);
        assertTrue(write.object().getString("detail").contains("read-only"), write.object().toString());
        assertProblem(403, viewer.post("api/v1/api-keys", """
                {"label": "escalation", "role": "ADMIN"}"""));
        assertProblem(403, viewer.patch("api/v1/tenant", """
                {"developerPlatform": false}"""));
        assertProblem(403, viewer.delete("api/v1/api-keys/" + issued.object().getString("id")));
        assertProblem(403, viewer.post("api/v1/users", """
                {"username": "%s-escalation", "password": "long-enough-password", "role": "ADMIN"}""".formatted(tenantA)));
        assertEquals(0, viewer.get("api/v1/endpoints").data().size(), "the refused write changed nothing");
        assertEquals(0, viewer.get("api/v1/users").array().size());
        JsonObject stats = viewer.get("api/v1/stats").object();
        assertEquals(0, stats.getInt("deliveries"), "only the tenant's own deliveries count: " + stats);
        assertTrue(stats.isNull("successRate"), "no rate without finished deliveries");
    }

    @Test
    void missingWrongAndRevokedKeysGet401() throws Exception {
        assertProblem(401, adminA.withKey(null).get("api/v1/endpoints"));
        assertProblem(401, adminA.withKey("hk_not-a-key").get("api/v1/endpoints"));
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/tenant"))
                .header("Authorization", "Bearer hk_not-a-key").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, raw.statusCode());
        assertEquals("Bearer", raw.headers().firstValue("WWW-Authenticate").orElse(null));

        JsonObject issued = adminA.post("api/v1/api-keys", """
                {"label": "temporary", "role": "admin"}""").object();
        ApiClient temporary = adminA.withKey(issued.getString("key"));
        assertEquals(200, temporary.get("api/v1/endpoints").status());

        assertEquals(204, adminA.delete("api/v1/api-keys/" + issued.getString("id")).status());
        assertProblem(401, temporary.get("api/v1/endpoints"));
        assertEquals(204, adminA.delete("api/v1/api-keys/" + issued.getString("id")).status(), "revoking is idempotent");
        JsonObject listed = adminA.get("api/v1/api-keys").array().stream().map(v -> v.asJsonObject())
                .filter(k -> k.getString("id").equals(issued.getString("id"))).findFirst().orElseThrow();
        assertNotNull(listed.getString("revokedAt"));
        assertFalse(listed.containsKey("key"), "never shown again");
        assertFalse(listed.toString().contains(issued.getString("key").substring(9)), "no secret part of the key");
    }

    @Test
    void theLastAdminKeyCannotBeRevoked() {
        JsonObject own = adminB.get("api/v1/api-keys").array().getJsonObject(0);
        assertEquals("ADMIN", own.getString("role"));
        Reply refused = adminB.delete("api/v1/api-keys/" + own.getString("id"));
        assertProblem(409, refused);
        assertEquals(200, adminB.get("api/v1/tenant").status(), "still usable");
    }

    @Test
    void tenantsCannotSeeOrTouchEachOther() {
        String keyOfB = adminB.get("api/v1/api-keys").array().getJsonObject(0).getString("id");
        assertProblem(404, adminA.get("api/v1/api-keys/" + keyOfB));
        assertProblem(404, adminA.delete("api/v1/api-keys/" + keyOfB));
        assertTrue(adminA.get("api/v1/api-keys").array().stream()
                .noneMatch(k -> k.asJsonObject().getString("id").equals(keyOfB)));
        assertEquals(tenantB, adminB.get("api/v1/tenant").object().getString("id"), "B's key still works");

        Reply endpoint = adminA.post("api/v1/endpoints", """
                {"name": "A only", "url": "https://127.0.0.1:9/hook", "events": ["customer.created"], "enabled": false}""");
        assertEquals(201, endpoint.status(), String.valueOf(endpoint.json()));
        assertProblem(404, adminB.get("api/v1/endpoints/" + endpoint.object().getString("id")));
        assertEquals(0, adminB.get("api/v1/endpoints").data().size());
    }

    @Test
    void previewOnlyWorkspaceRecordsDeliveriesAsNotSentAndOthersCannotReadThem() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            String endpointId = adminA.post("api/v1/endpoints", """
                    {"name": "preview", "url": "%s", "events": ["customer.created"]}""".formatted(receiver.url("/preview")))
                    .object().getString("id");
            assertEquals(201, adminA.post("api/v1/crm/customers", "{\"name\": \"Previewed\"}").status());

            Reply history = Await.until(Duration.ofSeconds(30), () -> adminA.get("api/v1/deliveries?endpointId=" + endpointId),
                    reply -> reply.data().size() == 1);
            JsonObject delivery = history.data().getJsonObject(0);
            assertEquals("NOT_SENT", delivery.getString("status"));
            assertTrue(delivery.getString("statusReason").contains("preview-only"), delivery.toString());
            Await.pause(2000);
            assertTrue(receiver.received().isEmpty(), "a preview-only workspace sends nothing outside");

            String deliveryId = delivery.getString("id");
            assertProblem(404, adminB.get("api/v1/deliveries/" + deliveryId));
            assertProblem(404, adminB.post("api/v1/deliveries/" + deliveryId + "/resend", null));
            assertProblem(404, adminB.get("api/v1/events/" + delivery.getString("eventId")));
            assertEquals(0, adminB.get("api/v1/deliveries?endpointId=" + endpointId).data().size());
            assertProblem(404, adminB.patch("api/v1/endpoints/" + endpointId, "{\"name\": \"hijack\"}"));
            assertProblem(404, adminB.post("api/v1/endpoints/" + endpointId + "/rotate-secret", null));
            assertProblem(404, adminB.post("api/v1/endpoints/" + endpointId + "/disable", null));
            assertProblem(404, adminB.delete("api/v1/endpoints/" + endpointId));
            assertEquals("preview", adminA.get("api/v1/endpoints/" + endpointId).object().getString("name"));
        }
    }

    @Test
    void developerPlatformOffGatesTheApiButNotAccountSettingsOrTheCrm() {
        Reply off = adminA.patch("api/v1/tenant", """
                {"developerPlatform": false}""");
        assertEquals(200, off.status(), String.valueOf(off.json()));
        assertFalse(off.object().getBoolean("developerPlatform"));

        Reply gated = adminA.get("api/v1/endpoints");
        assertProblem(403, gated);
        assertTrue(gated.object().getString("detail").contains("Developer Platform"), gated.object().toString());
        assertTrue(gated.object().getString("detail").contains("Settings"), gated.object().toString());
        assertProblem(403, adminA.get("api/v1/event-types"));
        assertProblem(403, adminA.get("api/v1/deliveries?endpointId=x"));
        assertProblem(403, adminA.get("api/v1/stats"));
        assertEquals(200, adminA.get("api/v1/tenant").status());
        assertEquals(200, adminA.get("api/v1/users").status(), "users are account settings");
        assertEquals(200, adminA.get("api/v1/api-keys").status());
        assertEquals(200, adminA.get("api/v1/crm/customers").status(), "the CRM itself is not the Developer Platform");
        assertEquals(200, adminB.get("api/v1/endpoints").status(), "only A switched it off");

        Reply on = adminA.patch("api/v1/tenant", """
                {"developerPlatform": true}""");
        assertTrue(on.object().getBoolean("developerPlatform"));
        assertEquals(200, adminA.get("api/v1/endpoints").status());
    }

    @Test
    void operatorCanOpenATenantWithoutTheFeature() {
        String id = uniqueId("c");
        ApiClient admin = operator.withKey(open(id, """
                {"id": "%s", "name": "Charlie", "developerPlatform": false}""".formatted(id)));
        assertProblem(403, admin.get("api/v1/endpoints"));
        assertEquals(200, operator.patch("api/v1/tenants/" + id, "{\"developerPlatform\": true}").status());
        assertEquals(200, admin.get("api/v1/endpoints").status());
    }

    @Test
    void operatorApiRefusesTenantKeysAndTenantApiRefusesTheOperatorKey() {
        String id = uniqueId("x");
        String body = "{\"id\": \"%s\", \"name\": \"Sneaky\"}".formatted(id);
        assertProblem(401, adminA.post("api/v1/tenants", body));
        assertProblem(401, adminA.get("api/v1/tenants/" + tenantA));
        assertProblem(401, adminA.patch("api/v1/tenants/" + tenantA, "{\"developerPlatform\": false}"));
        assertProblem(401, operator.withKey(null).get("api/v1/tenants/" + tenantA));
        assertProblem(401, operator.withKey("it-operator-key-not").get("api/v1/tenants/" + tenantA));
        assertProblem(404, operator.get("api/v1/tenants/" + id), "nothing was created");
        assertTrue(adminA.get("api/v1/tenant").object().getBoolean("developerPlatform"), "nothing was changed");

        assertProblem(401, operator.get("api/v1/endpoints"));
        assertProblem(401, operator.get("api/v1/tenant"));
        assertProblem(401, operator.get("api/v1/api-keys"));
    }

    @Test
    void invalidAndDuplicateTenantIdsAreProblems() {
        for (String badId : new String[]{"Upper", "x", "has space", "under_score", "a".repeat(65)}) {
            Reply reply = operator.post("api/v1/tenants", "{\"id\": \"%s\", \"name\": \"Bad\"}".formatted(badId));
            assertProblem(400, reply, badId);
            assertTrue(reply.object().getString("detail").contains("id"), reply.object().toString());
        }
        assertProblem(400, operator.post("api/v1/tenants", "{\"name\": \"No id\"}"));
        assertProblem(400, operator.post("api/v1/tenants", "{\"id\": \"%s\"}".formatted(uniqueId("n"))));
        assertProblem(400, operator.post("api/v1/tenants", "{\"id\": "));
        assertProblem(400, operator.post("api/v1/tenants", null));
        Reply duplicate = operator.post("api/v1/tenants", "{\"id\": \"%s\", \"name\": \"Again\"}".formatted(tenantA));
        assertProblem(409, duplicate);
        assertEquals("Acme Restoration", operator.get("api/v1/tenants/" + tenantA).object().getString("name"));
        assertProblem(404, operator.patch("api/v1/tenants/" + uniqueId("z"), "{\"liveDelivery\": false}"));
        assertProblem(400, operator.patch("api/v1/tenants/" + tenantA, "{\"name\": \"  \"}"));

        assertProblem(400, adminA.post("api/v1/api-keys", "{\"label\": \"bad role\", \"role\": \"OWNER\"}"));
        assertProblem(400, adminA.post("api/v1/api-keys", "{\"role\": \"VIEWER\"}"));
        assertProblem(400, adminA.patch("api/v1/tenant", "{}"));
    }

    private String open(String id, String body) {
        Reply opened = operator.post("api/v1/tenants", body);
        assertEquals(201, opened.status(), String.valueOf(opened.json()));
        assertEquals(id, opened.object().getString("id"));
        assertTrue(opened.location().endsWith("/api/v1/tenants/" + id), opened.location());
        String key = opened.object().getString("apiKey");
        assertTrue(key.startsWith("hk_"), key);
        assertNull(operator.get("api/v1/tenants/" + id).object().get("apiKey"), "shown once");
        return key;
    }

    private static String uniqueId(String prefix) {
        return "it-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertProblem(int status, Reply reply) {
        assertProblem(status, reply, "");
    }

    private static void assertProblem(int status, Reply reply, String context) {
        assertEquals(status, reply.status(), context + " " + reply.json());
        assertEquals("application/problem+json", reply.contentType(), context);
        assertNotNull(reply.object().getString("detail"));
        assertEquals(status, reply.object().getInt("status"));
    }
}
