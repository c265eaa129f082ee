package io.hookline.endpoint.control;

import java.time.OffsetDateTime;

/**
 * Fired inside the transaction that (re)activates an endpoint, so its waiting deliveries can resume at once.
 *
 * @param at when it was enabled: deliveries waiting for a later time until then are due now
 */
public record EndpointEnabled(String endpointId, OffsetDateTime at) {
}
