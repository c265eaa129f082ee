package io.hookline.delivery.control;

import io.hookline.format.control.WireEvent;
import io.hookline.format.control.WireFormats;
import io.hookline.format.control.WireRequest;
import io.hookline.format.entity.WireFormat;
import io.hookline.platform.Time;

import java.net.URI;
import java.util.List;

/**
 * A delivery cleared for an attempt, with all it takes to build the request but not yet rendered or signed: that is
 * left to the attempt's own thread, so the one thread that reads or claims a whole batch stays short (on a busy
 * host such one-thread stages get the least of the cores).
 */
public record UnsignedRequest(String deliveryId, String endpointId, String attemptToken, int attemptNumber, URI uri,
                              WireFormat format, WireEvent event, List<String> secrets) {

    /** The request in the endpoint's wire format, signed and timestamped now, just before it goes out. */
    public WebhookRequest sign() {
        WireRequest wire = WireFormats.render(format, event, deliveryId, secrets, Time.now());
        return new WebhookRequest(deliveryId, endpointId, attemptToken, attemptNumber, uri, format, wire.headers(),
                wire.body());
    }
}
