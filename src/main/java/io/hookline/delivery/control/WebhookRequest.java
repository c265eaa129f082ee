package io.hookline.delivery.control;

import io.hookline.format.entity.WireFormat;

import java.net.URI;
import java.util.Map;

/** A signed POST ready to send, with what is needed to record its outcome against the right lease. */
public record WebhookRequest(String deliveryId, String endpointId, String attemptToken, int attemptNumber, URI uri,
                             WireFormat format, Map<String, String> headers, String body) {
}
