package io.hookline.admin;

import io.hookline.testing.ApiClient;
import io.hookline.testing.Await;
import io.hookline.testing.Browser;
import io.hookline.testing.Deployments;
import io.hookline.testing.Receiver;
import io.hookline.testing.ToolbagSignature;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings → Developer Platform in a real browser (headless Chromium) against a running server and an HTTPS
 * receiver on loopback: one story, in order, sharing one deployment. Screenshots of the main views land in
 * target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Pattern UUID_IN_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static Browser browser;
    private static Receiver receiver;
    private static ApiClient api;
    private static String endpointId;
    private static String secret;
    private static String brokenEndpointId;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline(AdminPageIT.class);
    }

    @BeforeEach
    void connect() throws Exception {
        if (browser == null) {
            api = new ApiClient(base.toURI(), "it-admin-key");
            receiver = Receiver.start();
            browser = Browser.start(base.toURI());
        }
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (api != null) { // later test classes share the database: nothing more goes to this run's receiver
            for (String id : new String[] {endpointId, brokenEndpointId}) {
                if (id != null) {
                    api.post("api/v1/endpoints/" + id + "/disable", null);
                }
            }
        }
        if (browser != null) {
            browser.close();
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void pagesNeedSignInAndTheApiIsUnaffected() {
        browser.open("admin/endpoints.xhtml");
        assertTrue(browser.url().endsWith("/login.xhtml"), browser.url());
        browser.screenshot("sign-in");
        browser.signIn(ADMIN, "not-the-password");
        assertTrue(browser.text("messages").contains("The user name or password is not right."));

        String sessionBefore = browser.sessionId();
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        assertTrue(browser.url().endsWith("/admin/endpoints.xhtml"), browser.url());
        assertNotEquals(sessionBefore, browser.sessionId(), "a new session id at sign-in: no session fixation");
        assertTrue(browser.text("who").startsWith("admin · demo · admin"), browser.text("who"));

        assertEquals(200, api.get("api/v1/endpoints").status(), "the API still takes its keys");
        ApiClient.Reply anonymous = api.withKey(null).get("api/v1/endpoints");
        assertEquals(401, anonymous.status(), "the API answers 401, never a sign-in page");
        assertEquals("application/problem+json", anonymous.contentType());
    }

    @Test
    @Order(2)
    void addingAnEndpointValidatesNextToTheFieldsAndShowsTheSecretOnce() {
        browser.click("add");
        browser.click("endpoint:save");
        assertEquals("Give the endpoint a name.", browser.text("endpoint:name-error"));
        assertEquals("Enter the HTTPS URL that should receive events.", browser.text("endpoint:url-error"));

        browser.type("endpoint:name", "CRM sync").type("endpoint:url", "http://hooks.example.com/crm").click("endpoint:save");
        assertEquals("The URL must start with https://, such as https://hooks.example.com/crm.", browser.text("endpoint:url-error"));
        browser.type("endpoint:url", receiver.url("/crm")).click("endpoint:save");
        assertEquals("Choose at least one event, or all events.", browser.text("endpoint:events-error"));
        assertFalse(browser.has("endpoint:url-error") && !browser.text("endpoint:url-error").isEmpty());
        browser.screenshot("add-endpoint");

        eventBox("customer.created").click(); // a checkbox: no navigation
        eventBox("customer.updated").click();
        browser.type("endpoint:description", "internal database").click("endpoint:save");

        assertTrue(browser.text("messages").contains("Endpoint added."));
        endpointId = browser.url().substring(browser.url().indexOf("id=") + 3);
        secret = browser.find("secret").getAttribute("value");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertTrue(browser.text("new-secret").contains("Treat it like a password."));
        WebElement copy = browser.all("button[data-copy=secret]").get(0);
        assertTrue(copy.isDisplayed(), "the copy button appears where JavaScript runs");
        copy.click();
        browser.screenshot("secret-shown-once");

        browser.open("admin/endpoint.xhtml?id=" + endpointId);
        assertFalse(browser.has("new-secret"), "the secret is shown once only");
        assertFalse(browser.source().contains(secret));
        assertTrue(browser.text("endpoint-status").contains("Active"));
    }

    @Test
    @Order(3)
    void sendTestShowsTheEndpointsAnswer() throws Exception {
        browser.click("actions:test");

        assertTrue(browser.text("test-result").contains("Send test: delivered"), browser.text("test-result"));
        assertEquals("200", browser.text("test-status"));
        Receiver.Received test = receiver.received(r -> "webhook.test".equals(r.header("X-Toolbag-Event"))).get(0);
        assertTrue(ToolbagSignature.verify(secret, test.header("X-Toolbag-Signature"), test.body()),
                "the secret copied from the page verifies the signature");
        browser.screenshot("send-test");
    }

    @Test
    @Order(4)
    void aCrmEventsDeliveryAppearsWithPayloadHeadersAndAttempts() {
        assertEquals(201, api.post("api/v1/crm/customers", """
                {"name": "Page Customer", "email": "page@example.com"}""").status());

        browser.click("history");
        browser.reloadUntil(WAIT, () -> !browser.all("tr[data-event='customer.created'][data-status=SUCCEEDED]").isEmpty());
        browser.screenshot("deliveries");
        browser.navigate(browser.all("tr[data-event='customer.created'] a").get(0));

        assertTrue(browser.text("payload").contains("\"name\":\"Page Customer\""), browser.text("payload"));
        assertTrue(browser.text("delivery-status").contains("Succeeded"));
        browser.all("details summary").get(0).click();
        assertTrue(browser.source().contains("X-Toolbag-Signature"));
        assertFalse(browser.source().contains(secret), "signatures are shown, never the secret");
        assertFalse(browser.source().contains("<script"), "no JavaScript needed outside the secret's copy button");
        browser.screenshot("delivery-detail");
    }

    @Test
    @Order(5)
    void aFailedDeliveryIsResentFromTheList() {
        receiver.respondByDefault(500);
        api.post("api/v1/crm/customers", """
                {"name": "Failing Customer"}""");
        receiver.await(8, r -> r.body().contains("Failing Customer"), WAIT);

        browser.open("admin/deliveries.xhtml?endpoint=" + endpointId);
        new org.openqa.selenium.support.ui.Select(browser.find("filters:status")).selectByValue("FAILED");
        browser.type("filters:search", "customer").click("filters:apply");
        assertTrue(browser.url().contains("status=FAILED"), browser.url());
        browser.reloadUntil(WAIT, () -> browser.all("tr.delivery-row").size() == 1);
        assertEquals("FAILED", browser.all("tr.delivery-row").get(0).getAttribute("data-status"));
        browser.screenshot("deliveries-failed");

        receiver.acceptEverything();
        browser.navigate(browser.all("tr.delivery-row input[value=Resend]").get(0));
        Matcher resent = UUID_IN_TEXT.matcher(browser.text("messages"));
        assertTrue(resent.find(), browser.text("messages"));
        browser.open("admin/delivery.xhtml?id=" + resent.group());
        browser.reloadUntil(WAIT, () -> browser.text("delivery-status").contains("Succeeded"));
        assertTrue(browser.text("payload").contains("Failing Customer"));
        assertEquals(9, receiver.received(r -> r.body().contains("Failing Customer")).size(), "8 failed attempts and the resend");
    }

    @Test
    @Order(6)
    void failedDeliveriesAreCountedReplayedAndFollowedToTheEnd() {
        String since = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        receiver.respondWhen(r -> r.body().contains("Replayed customer"), 500, Map.of());
        for (String name : List.of("Replayed customer 1", "Replayed customer 2")) {
            api.post("api/v1/crm/customers", "{\"name\": \"%s\"}".formatted(name));
        }
        receiver.await(16, r -> r.body().contains("Replayed customer"), WAIT);
        Await.until(WAIT, () -> api.get("api/v1/deliveries?status=FAILED&endpointId=" + endpointId).data().size(),
                failed -> failed == 3); // with the Failing Customer's original
        receiver.acceptEverything();

        browser.open("admin/endpoint.xhtml?id=" + endpointId);
        browser.setValue("replay:since", "2099-01-01T00:00").click("replay:count");
        assertTrue(browser.text("replay:since-error").contains("must not be after until"), "the API's rule, next to the field");
        browser.setValue("replay:since", since);
        List<WebElement> types = browser.all("input[data-replay-event]");
        assertEquals(List.of("customer.created", "customer.updated"),
                types.stream().map(box -> box.getAttribute("data-replay-event")).toList(), "the endpoint's events");
        browser.all("input[data-replay-event='customer.created']").get(0).click();
        browser.click("replay:count");
        assertEquals("2 events match.", browser.text("replay-count"), "a dry run: the two failed since then");
        assertEquals(16, receiver.received(r -> r.body().contains("Replayed customer")).size(), "counting sent nothing");
        browser.screenshot("replay-form");

        browser.click("replay:start");
        assertTrue(browser.url().endsWith("/admin/replays.xhtml"), browser.url());
        assertTrue(browser.text("messages").contains("Replay started: 2 events to send again."), browser.text("messages"));
        browser.reloadUntil(WAIT, () -> "COMPLETED".equals(browser.all("tr.replay-row").get(0).getAttribute("data-status")));
        WebElement replay = browser.all("tr.replay-row").get(0);
        assertTrue(replay.getText().contains("2/2 read · 2 resent · 0 skipped"), replay.getText());
        assertTrue(replay.getText().contains("CRM sync") && replay.getText().contains("FAILED · customer.created"),
                replay.getText());
        assertTrue(replay.getText().contains("Completed"), replay.getText());
        WebElement progress = replay.findElement(By.tagName("progress"));
        assertEquals("2", progress.getAttribute("value"));
        assertEquals("2", progress.getAttribute("max"));
        assertEquals(18, receiver.await(18, r -> r.body().contains("Replayed customer"), WAIT).size(),
                "8 failed attempts of each, then each once more");
        browser.screenshot("replays");
    }

    @Test
    @Order(7)
    void anAutoDisabledEndpointShowsWhyAndIsReactivated() {
        receiver.respondWhen(r -> r.path().equals("/broken"), 500, Map.of());
        ApiClient.Reply broken = api.post("api/v1/endpoints", """
                {"name": "Broken dashboard", "url": "%s", "events": ["job.created"]}""".formatted(receiver.url("/broken")));
        brokenEndpointId = broken.object().getString("id");
        for (int i = 0; i < 15; i++) {
            api.post("api/v1/crm/jobs", """
                    {"name": "Job %d", "status": "inventory"}""".formatted(i));
        }
        JsonObject disabled = Await.until(WAIT, () -> api.get("api/v1/endpoints/" + brokenEndpointId).object(),
                endpoint -> endpoint.getString("status").equals("AUTO_DISABLED"));
        assertEquals("AUTO_DISABLED", disabled.getString("status"));

        browser.open("admin/endpoints.xhtml");
        WebElement row = browser.all("tr.endpoint-row").stream().filter(r -> r.getText().contains("Broken dashboard"))
                .findFirst().orElseThrow();
        assertTrue(row.getText().contains("Auto-disabled"), row.getText());
        assertTrue(row.getText().contains("15 consecutive failed deliveries"), row.getText());
        JsonObject stats = api.get("api/v1/stats").object();
        assertEquals(String.valueOf(stats.getInt("deliveries")), browser.text("stat-deliveries"));
        assertEquals(stats.getInt("successRate") + " %", browser.text("stat-success"));
        assertEquals(String.valueOf(stats.getInt("failingEndpoints")), browser.text("stat-failing"));
        assertTrue(stats.getInt("failingEndpoints") >= 1 && stats.getInt("failed") >= 16, stats.toString());
        browser.screenshot("endpoints");

        receiver.acceptEverything();
        browser.navigate(row.findElement(By.tagName("a")));
        browser.click("actions:enable");
        assertTrue(browser.text("endpoint-status").contains("Active"), browser.text("endpoint-status"));
        assertEquals("0", browser.text("endpoint-failures"));
        assertEquals("ACTIVE", api.get("api/v1/endpoints/" + brokenEndpointId).object().getString("status"));
    }

    @Test
    @Order(8)
    void editRotateDisableAndDeleteAfterConfirming() {
        browser.open("admin/endpoint.xhtml?id=" + brokenEndpointId).click("actions:edit");
        assertTrue(eventBox("job.created").isSelected(), "the form starts from the endpoint as it is");
        String renamed = "Dispatch board " + RUN; // the IT database outlives a run: names stay unique
        browser.type("endpoint:name", renamed);
        eventBox("job.completed").click();
        new Select(browser.find("endpoint:format")).selectByValue("job-sync");
        browser.click("endpoint:save");
        assertTrue(browser.text("messages").contains("Endpoint saved."));
        assertEquals(renamed, browser.text("endpoint-name"));
        JsonObject edited = api.get("api/v1/endpoints/" + brokenEndpointId).object();
        assertEquals(List.of("job.completed", "job.created"),
                edited.getJsonArray("events").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("job-sync", edited.getString("format"), "the wire format chosen on the page");

        browser.click("actions:rotate");
        String rotated = browser.find("secret").getAttribute("value");
        assertTrue(rotated.startsWith("whsec_") && !rotated.equals(secret), rotated);
        browser.click("actions:disable");
        assertTrue(browser.text("endpoint-status").contains("Disabled by an admin"), browser.text("endpoint-status"));
        assertFalse(browser.has("new-secret"), "the rotated secret was shown once");

        browser.click("actions:delete");
        assertTrue(browser.text("confirm-delete").contains("Delete " + renamed + "?"));
        browser.click("actions:cancel");
        assertEquals(200, api.get("api/v1/endpoints/" + brokenEndpointId).status(), "cancelled: nothing deleted");
        browser.click("actions:delete").click("actions:confirm");
        assertTrue(browser.text("messages").contains("Endpoint " + renamed + " deleted"), browser.text("messages"));
        List<String> rows = browser.all("tr.endpoint-row").stream().map(WebElement::getText).toList();
        assertTrue(rows.stream().noneMatch(row -> row.contains(renamed)), rows.toString());
        assertEquals(404, api.get("api/v1/endpoints/" + brokenEndpointId).status());
        brokenEndpointId = null;
    }

    @Test
    @Order(9)
    void aPostWithoutThePagesViewStateChangesNothing() {
        browser.open("admin/endpoint.xhtml?id=" + endpointId);
        int status = browser.postInThisSession("admin/endpoint.xhtml?id=" + endpointId, Map.of("actions", "actions",
                "actions:disable", "Disable", "jakarta.faces.ViewState", "-1234567890:987654321"));

        assertNotEquals(302, status, "no change, no redirect back to the endpoint");
        assertEquals("ACTIVE", api.get("api/v1/endpoints/" + endpointId).object().getString("status"),
                "a forged form (cross-site request) cannot disable the endpoint");
    }

    @Test
    @Order(10)
    void aViewerSeesEverythingAndChangesNothing() {
        String viewer = "viewer-" + RUN;
        assertEquals(400, api.post("api/v1/users", """
                {"username": "%s", "password": "short", "role": "VIEWER"}""".formatted(viewer)).status());
        assertEquals(201, api.post("api/v1/users", """
                {"username": "%s", "password": "viewer-password", "role": "VIEWER"}""".formatted(viewer)).status());
        assertEquals(409, api.post("api/v1/users", """
                {"username": "%s", "password": "viewer-password", "role": "ADMIN"}""".formatted(viewer)).status());

        browser.click("account:signout");
        assertTrue(browser.source().contains("You are signed out."));
        browser.open("admin/endpoints.xhtml");
        assertTrue(browser.url().endsWith("/login.xhtml"), "signed out means signed out");
        browser.signIn(viewer, "viewer-password");

        assertTrue(browser.has("endpoints"));
        assertFalse(browser.has("add"));
        browser.open("admin/endpoint.xhtml?id=" + endpointId);
        assertTrue(browser.text("endpoint-name").contains("CRM sync"));
        assertFalse(browser.has("actions"), "no actions for a viewer");
        assertFalse(browser.has("replay"), "no replay form for a viewer");
        String viewState = browser.find("account").findElement(By.name("jakarta.faces.ViewState")).getAttribute("value");
        browser.postInThisSession("admin/endpoint.xhtml?id=" + endpointId, Map.of("actions", "actions",
                "actions:disable", "Disable", "jakarta.faces.ViewState", viewState));
        assertEquals("ACTIVE", api.get("api/v1/endpoints/" + endpointId).object().getString("status"),
                "the server refuses a viewer's change even with a valid form of the page");
        browser.open("admin/deliveries.xhtml?endpoint=" + endpointId);
        assertFalse(browser.all("tr.delivery-row").isEmpty());
        assertTrue(browser.all("tr.delivery-row input[value=Resend]").isEmpty());
        browser.click("nav-replays");
        assertFalse(browser.all("tr.replay-row[data-status=COMPLETED]").isEmpty(), "the viewer sees the replays");
        assertTrue(browser.all("tr.replay-row input").isEmpty(), "and nothing to stop or restart");
        browser.open("admin/endpoint-edit.xhtml");
        assertFalse(browser.has("endpoint:save"));
        browser.screenshot("viewer");
    }

    @Test
    @Order(11)
    void featureOffSaysHowToTurnItOnAndPreviewOnlyShowsTheTeaser() {
        String off = signInToNewTenant("off-" + RUN, false, true);
        assertTrue(browser.text("feature-off").contains("Settings → Features"));
        assertFalse(browser.has("endpoints"));
        browser.screenshot("feature-off");
        browser.click("features:enable-feature");
        assertTrue(browser.has("add"), "turned on, the page opens");
        assertTrue(browser.has("no-endpoints"), "another tenant's endpoints are not listed");
        browser.open("admin/endpoint.xhtml?id=" + endpointId);
        assertFalse(browser.source().contains("CRM sync"), "another tenant's endpoint is not found");
        assertEquals(404, browser.getInThisSession("admin/endpoint.xhtml"), "an endpoint page without its id");
        assertEquals(404, browser.getInThisSession("admin/delivery.xhtml"), "a delivery page without its id");
        assertTrue(api.withKey(off).get("api/v1/tenant").object().getBoolean("developerPlatform"));

        signInToNewTenant("preview-" + RUN, true, false);
        assertTrue(browser.text("coming-soon").contains("live webhook delivery is not enabled"));
        assertFalse(browser.has("add"));
        browser.screenshot("coming-soon");
    }

    /** A tenant opened by the operator, its first admin user, signed in; answers the tenant's admin API key. */
    private String signInToNewTenant(String tenantId, boolean developerPlatform, boolean liveDelivery) {
        String key = api.withKey("it-operator-key").post("api/v1/tenants", """
                {"id": "%s", "name": "%s Co", "developerPlatform": %s, "liveDelivery": %s}"""
                .formatted(tenantId, tenantId, developerPlatform, liveDelivery)).object().getString("apiKey");
        assertEquals(201, api.withKey(key).post("api/v1/users", """
                {"username": "%s-admin", "password": "tenant-admin-password", "role": "ADMIN"}""".formatted(tenantId)).status(),
                "adding users is account settings, open while the feature is off");
        browser.open("admin/endpoints.xhtml").click("account:signout");
        browser.open("admin/endpoints.xhtml");
        browser.signIn(tenantId + "-admin", "tenant-admin-password");
        return key;
    }

    private static WebElement eventBox(String type) {
        List<WebElement> boxes = browser.all("input[data-event='" + type + "']");
        assertEquals(1, boxes.size(), type);
        return boxes.get(0);
    }
}
