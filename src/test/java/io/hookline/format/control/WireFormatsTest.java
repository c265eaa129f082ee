package io.hookline.format.control;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.hookline.format.entity.WireFormat;
import io.hookline.testing.ToolbagSignature;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.hookline.format.control.SampleEvents.JOB_UPDATED;
import static io.hookline.format.control.SampleEvents.OLD_SECRET;
import static io.hookline.format.control.SampleEvents.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing rules of the formats: rotation, single-signature formats, unsigned endpoints, whsec_ secrets. */
class WireFormatsTest {

    private static final List<String> ROTATING = List.of(SECRET, OLD_SECRET);

    @Test
    void everyFormatSendsJsonWithAUserAgentNamingHooklineAndItsVersion() {
        for (WireFormat format : WireFormat.values()) {
            Map<String, String> headers = render(format, ROTATING).headers();
            assertEquals("application/json", headers.get("Content-Type"));
            assertTrue(headers.get("User-Agent").matches("Hookline/\\d+\\.\\d+\\.\\d+.*"), headers.get("User-Agent"));
        }
    }

    @Test
    void toolbagSignsWithBothSecretsDuringRotation() throws Exception {
        WireRequest request = render(WireFormat.TOOLBAG, ROTATING);
        String signature = request.headers().get("X-Toolbag-Signature");

        assertTrue(ToolbagSignature.verify(SECRET, signature, request.body()));
        assertTrue(ToolbagSignature.verify(OLD_SECRET, signature, request.body()));
        assertFalse(ToolbagSignature.verify("whsec_someone-else", signature, request.body()));
    }

    @Test
    void standardWebhooksSignaturesVerifyWithTheReferenceLibraryForBothSecretsAndNoOther() throws Exception {
        WireRequest request = WireFormats.render(WireFormat.STANDARD_WEBHOOKS, JOB_UPDATED, "d1", ROTATING,
                OffsetDateTime.now(ZoneOffset.UTC)); // the library refuses timestamps older than five minutes
        Map<String, List<String>> headers = request.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));

        assertEquals(2, request.headers().get("webhook-signature").split(" ").length);
        new Webhook(SECRET).verify(request.body(), headers);
        new Webhook(OLD_SECRET).verify(request.body(), headers);
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook("whsec_" + "A".repeat(32)).verify(request.body(), headers));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(SECRET).verify(request.body().replace("John", "Eve"), headers));
    }

    @Test
    void standardWebhooksLeavesOutAPreviousSecretThatIsNoWhsecSecret() {
        String signature = render(WireFormat.STANDARD_WEBHOOKS, List.of(SECRET, "a-plain-toolbag-secret")).headers()
                .get("webhook-signature");

        assertEquals(1, signature.split(" ").length, signature);
    }

    @Test
    void singleSignatureFormatsSignTheBodyWithTheCurrentSecretOnly() {
        for (WireFormat format : List.of(WireFormat.CUSTOMERMATES, WireFormat.TONIC_DESK, WireFormat.JOB_SYNC)) {
            WireRequest request = render(format, ROTATING);
            String expected = Signatures.hmacSha256Hex(SECRET, request.body());
            assertEquals(format == WireFormat.JOB_SYNC ? "sha256=" + expected : expected,
                    request.headers().get("X-Webhook-Signature"), format.id());
            assertEquals(JOB_UPDATED.id(), request.headers().get("X-Webhook-Id"), "an event id to deduplicate on");
        }
    }

    @Test
    void unsignedEndpointsGetNoSignatureHeader() {
        for (WireFormat format : List.of(WireFormat.CUSTOMERMATES, WireFormat.TONIC_DESK, WireFormat.JOB_SYNC)) {
            Map<String, String> headers = render(format, List.of()).headers();
            assertFalse(headers.containsKey("X-Webhook-Signature"), format.id() + ": " + headers);
            assertTrue(format.signingOptional());
        }
        assertFalse(WireFormat.TOOLBAG.signingOptional());
        assertFalse(WireFormat.STANDARD_WEBHOOKS.signingOptional());
    }

    @Test
    void standardWebhooksAcceptsOnlyWhsecSecretsOfTwentyFourToSixtyFourBytes() {
        assertTrue(WireFormat.STANDARD_WEBHOOKS.secretProblem(SECRET).isEmpty());
        assertTrue(WireFormat.STANDARD_WEBHOOKS.secretProblem("use-a-random-string-from-a-password-manager").isPresent());
        assertTrue(WireFormat.STANDARD_WEBHOOKS.secretProblem("whsec_c2hvcnQ=").isPresent(), "5 bytes");
        assertTrue(WireFormat.STANDARD_WEBHOOKS.secretProblem("whsec_not*base64!").isPresent());
        assertTrue(WireFormat.TOOLBAG.secretProblem("use-a-random-string-from-a-password-manager").isEmpty());
    }

    @Test
    void formatsAreNamedByTheirApiIds() {
        assertEquals(WireFormat.TONIC_DESK, WireFormat.byId("tonic-desk").orElseThrow());
        assertTrue(WireFormat.byId("TONIC_DESK").isEmpty());
        assertEquals("toolbag, customermates, tonic-desk, job-sync, standard-webhooks", WireFormat.ids());
    }

    private static WireRequest render(WireFormat format, List<String> secrets) {
        return WireFormats.render(format, JOB_UPDATED, "d1", secrets, SampleEvents.NOW);
    }
}
