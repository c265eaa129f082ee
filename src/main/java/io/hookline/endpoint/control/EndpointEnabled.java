package io.hookline.endpoint.control;

/** Fired inside the transaction that (re)activates an endpoint, so its waiting deliveries can resume at once. */
public record EndpointEnabled(String endpointId) {
}
