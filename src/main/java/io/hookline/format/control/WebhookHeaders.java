package io.hookline.format.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers the three {@code X-Webhook-*} formats share: the event id to deduplicate on, and the body signed with
 * the current secret when the endpoint signs (their seeds have room for one signature only).
 */
final class WebhookHeaders {

    private WebhookHeaders() {
    }

    static Map<String, String> of(WireEvent event, String body, List<String> secrets, String signaturePrefix) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Webhook-Id", event.id());
        secrets.stream().findFirst().ifPresent(secret ->
                headers.put("X-Webhook-Signature", signaturePrefix + Signatures.hmacSha256Hex(secret, body)));
        return headers;
    }
}
