package io.hookline.delivery.control;

import io.hookline.event.api.CrmEvent;
import io.hookline.event.api.FieldChange;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.testing.ToolbagSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolbagFormatTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 3, 14, 30, 0, 0, ZoneOffset.UTC);

    private final JsonObject before = Json.createObjectBuilder().add("name", "Ada").build();
    private final JsonObject after = Json.createObjectBuilder().add("name", "Ada L").build();
    private final OutboxEvent event = OutboxEvent.record(CrmEvent.of("customer.updated", "acme").entity("customer", "c1")
            .occurredAt(NOW.withOffsetSameInstant(ZoneOffset.ofHours(2))).data(after)
            .changes(FieldChange.between(before, after)).build(), NOW);

    @Test
    void bodyHasSeedZeroFieldsAndChanges() {
        JsonObject body = Json.createReader(new StringReader(ToolbagFormat.body(event))).readObject();

        assertEquals(event.id(), body.getString("id"));
        assertEquals("customer.updated", body.getString("type"));
        assertEquals("2026-03-03T14:30:00Z", body.getString("created_at"), "UTC, whatever offset the module used");
        assertEquals("acme", body.getString("tenant_id"));
        assertEquals("Ada L", body.getJsonObject("data").getString("name"));
        assertEquals("Ada", body.getJsonObject("changes").getJsonObject("name").getString("previous"));
    }

    @Test
    void signatureVerifiesWithTheSeedRecipeAndOnlyWithTheRightSecret() throws Exception {
        String body = ToolbagFormat.body(event);
        Map<String, String> headers = ToolbagFormat.headers(event, "d1", body, List.of("whsec_right"), NOW);

        String signature = headers.get("X-Toolbag-Signature");
        assertTrue(signature.startsWith("t=" + NOW.toEpochSecond() + ",v1="), signature);
        assertTrue(ToolbagSignature.verify("whsec_right", signature, body));
        assertFalse(ToolbagSignature.verify("whsec_wrong", signature, body));
        assertFalse(ToolbagSignature.verify("whsec_right", signature, body.replace("Ada L", "Eve")));
        assertEquals("customer.updated", headers.get("X-Toolbag-Event"));
        assertEquals("d1", headers.get("X-Toolbag-Delivery"));
    }

    @Test
    void duringRotationBothSecretsVerify() throws Exception {
        String body = ToolbagFormat.body(event);
        String signature = ToolbagFormat.headers(event, "d1", body, List.of("whsec_new", "whsec_old"), NOW).get("X-Toolbag-Signature");

        assertEquals(3, signature.split(",").length, signature);
        assertTrue(ToolbagSignature.verify("whsec_new", signature, body));
        assertTrue(ToolbagSignature.verify("whsec_old", signature, body));
        assertFalse(ToolbagSignature.verify("whsec_other", signature, body));
    }
}
