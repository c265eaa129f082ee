package io.hookline.delivery.control;

import java.net.URI;
import java.util.Map;

/** A signed POST ready to send, with what is needed to record its outcome against the right lease. */
public record WebhookRequest(String deliveryId, String endpointId, String attemptToken, int attemptNumber, URI uri,
                             Map<String, String> headers, String body) {
}
